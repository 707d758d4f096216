import { readSlackConfig } from '../../../src/adapters/slack/config';
import { slackSetup } from '../../../src/adapters/slack';
import { ConfigError } from '../../../src/core/errors';
import { startServer } from '../../../src/server/serve';
import { FakeSlackApi } from './fake-slack-api';
import { BOT_TOKEN, SIGNING_SECRET, sendEvent } from './signed-request';

const APP_TOKEN = 'xapp-1-A0GUIDE01-1234567890-abcdef0123456789';

function configError(env: Record<string, string>): ConfigError {
  try {
    readSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Slack configuration', () => {
  it('is off, with the reason, when no Slack variable is set', () => {
    const setup = slackSetup({});
    expect(setup).toMatchObject({ enabled: false });
    expect(setup.enabled === false && setup.reason).toContain('SLACK_BOT_TOKEN');
  });

  it('uses HTTP with a bot token and signing secret, and Socket Mode when an app token is set', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET })).toEqual({
      mode: 'http',
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
    });
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN })).toMatchObject({
      mode: 'socket',
      appToken: APP_TOKEN,
    });
    const setup = slackSetup({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    expect(setup).toMatchObject({ enabled: true, summary: 'Socket Mode' });
  });

  it('names the missing piece and how to get it', () => {
    const noSecret = configError({ SLACK_BOT_TOKEN: BOT_TOKEN });
    expect(noSecret.variable).toBe('SLACK_SIGNING_SECRET');
    expect(noSecret.message).toMatch(/Basic Information/);
    expect(configError({ SLACK_SIGNING_SECRET: SIGNING_SECRET }).variable).toBe('SLACK_BOT_TOKEN');
    const socketNoBot = configError({ SLACK_APP_TOKEN: APP_TOKEN });
    expect(socketNoBot.variable).toBe('SLACK_BOT_TOKEN');
    expect(socketNoBot.message).toContain('SLACK_APP_TOKEN');
  });

  it('rejects malformed values by name', () => {
    expect(
      configError({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: SIGNING_SECRET }).variable,
    ).toBe('SLACK_BOT_TOKEN');
    expect(configError({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: BOT_TOKEN }).message).toContain(
      'xapp-',
    );
    expect(
      configError({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: 'slack',
      }).variable,
    ).toBe('SLACK_API_URL');
  });

  it('stops start-up when Slack rejects the bot token', async () => {
    const fake = new FakeSlackApi();
    await fake.start();
    fake.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const env = {
      PORT: '0',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    };
    await expect(startServer({ env })).rejects.toThrow(
      /SLACK_BOT_TOKEN: was rejected by Slack \(invalid_auth\)/,
    );
    await fake.stop();
  });

  it('is registered with the server: POST /slack/events exists only when Slack is configured', async () => {
    const fake = new FakeSlackApi();
    await fake.start();
    const on = await startServer({
      env: {
        PORT: '0',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        LOG_LEVEL: 'silent',
      },
    });
    const off = await startServer({ env: { PORT: '0', LOG_LEVEL: 'silent' } });
    try {
      const forged = await sendEvent(
        on.url,
        { type: 'event_callback' },
        { secret: '0123456789abcdef0123456789abcdef' },
      );
      expect(forged.status).toBe(401);
      expect((await sendEvent(off.url, { type: 'event_callback' })).status).toBe(404);
    } finally {
      await on.close();
      await off.close();
      await fake.stop();
    }
  });
});
