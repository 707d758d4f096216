import type { Env } from '../../src/config';
import { ConfigError } from '../../src/core/errors';
import { runDoctor } from '../../src/ops/doctor';
import type { ChannelSetup } from '../../src/server/channel';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { runCli, runCliAsync } from '../helpers/cli';
import { copyKnowledge, editFile, KNOWLEDGE_DIR, removeTempDirs } from '../helpers/knowledge-copy';

afterAll(removeTempDirs);

// Set-ups shaped as real channels decide: from their own variables.
const chat = (env: Env): ChannelSetup =>
  env.CHAT_TOKEN
    ? {
        name: 'chat',
        enabled: true,
        summary: 'events at POST /chat/events',
        create: async () => ({ name: 'chat', routes: [] }),
      }
    : { name: 'chat', enabled: false, reason: 'CHAT_TOKEN is not set' };
const strict = (env: Env): ChannelSetup => {
  if (env.STRICT_ID === 'bad')
    throw new ConfigError('STRICT_ID', 'must be a GUID', 'Copy it from the portal.');
  return { name: 'strict', enabled: false, reason: 'STRICT_ID is not set' };
};
const redisAnswers = async () => ({ ok: true as const, ms: 3 });

describe('runDoctor', () => {
  it('says which channels run and why the others do not, and is usable with one on', async () => {
    const report = await runDoctor({ env: { CHAT_TOKEN: 'x' }, setups: [chat, strict] });
    expect(report.ok).toBe(true);
    expect(report.lines).toEqual(
      expect.arrayContaining([
        'on    chat: events at POST /chat/events',
        'off   strict: STRICT_ID is not set',
        'usable',
      ]),
    );
    expect(report.lines.find((l) => l.startsWith('ok    knowledge'))).toMatch(/\d+ sections, \d+ passages/);
  });

  it('is not usable when no channel would run, or one is configured wrongly, and lists every problem', async () => {
    const none = await runDoctor({ env: {}, setups: [chat, strict] });
    expect(none.ok).toBe(false);
    expect(none.lines).toContain(
      'FAIL  channels: no channel would be enabled: set the variables of at least one (see README)',
    );

    const wrong = await runDoctor({
      env: { CHAT_TOKEN: 'x', STRICT_ID: 'bad', PORT: 'http' },
      setups: [chat, strict],
    });
    expect(wrong.ok).toBe(false);
    expect(wrong.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^FAIL {2}settings: PORT: /),
        'FAIL  channel: STRICT_ID: must be a GUID. Copy it from the portal.',
        'on    chat: events at POST /chat/events',
        'not usable: 2 problems above',
      ]),
    );
  });

  it('checks Redis only when REDIS_URL is set, without printing its password', async () => {
    const pinged: string[] = [];
    const ping = async (url: string) => {
      pinged.push(url);
      return { ok: false as const, reason: 'connect ECONNREFUSED' };
    };
    const env = { CHAT_TOKEN: 'x', REDIS_URL: 'redis://:hunter2@cache.internal:6380' };
    const report = await runDoctor({ env, setups: [chat], pingRedis: ping });
    expect(pinged).toEqual([env.REDIS_URL]);
    expect(report.ok).toBe(false);
    expect(report.lines).toContain(
      'FAIL  redis: redis://cache.internal:6380 cannot be reached (connect ECONNREFUSED). Start Redis there or correct REDIS_URL.',
    );
    expect(report.lines.join('\n')).not.toContain('hunter2');

    expect((await runDoctor({ env: { CHAT_TOKEN: 'x' }, setups: [chat], pingRedis: ping })).ok).toBe(true);
    expect(pinged).toHaveLength(1);
    expect((await runDoctor({ env, setups: [chat], pingRedis: redisAnswers })).lines).toContain(
      'ok    redis: redis://cache.internal:6380 answered PING in 3 ms',
    );
  });
});

describe('guidebot doctor (CLI)', () => {
  const fake = new FakeSlackApi();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('with nothing set, runs the web chat and local Teams, says what Slack needs, and exits 0', () => {
    const result = runCli(['doctor'], { env: { PORT: '0' } });
    expect(result.stdout.split('\n')).toEqual([
      'ok    settings: listen on 127.0.0.1:0, conversations in memory (this process only) for 30 min, 20 messages a minute per person, log level info',
      `ok    knowledge: 19 sections, 65 passages in ${KNOWLEDGE_DIR}`,
      'off   slack: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set',
      'on    teams: POST /api/messages, local mode: no authentication; only callers on this machine, replies only to a loopback serviceUrl, no choosing the escalation channel',
      'on    web: chat page at GET / and POST /api/web/turn, this machine only',
      'ok    escalations: to the Teams channel where someone types "@GuideBot use this channel for escalations"; until then nowhere: people are given the contact (citizenengagement@gov.bc.ca) and the text to send themselves',
      'ok    listen: 127.0.0.1:0 is free',
      'usable',
      '',
    ]);
    expect(result.status).toBe(0);
  });

  it.each([
    [{ PORT: 'eighty' }, /^FAIL {2}settings: PORT: "eighty" is not a number\. Set it to a port number/m],
    [
      { ANALYTICS_SALT: 'short' },
      /^FAIL {2}settings: ANALYTICS_SALT: is too short: at least 16 characters\. Set it to a random secret/m,
    ],
    [
      { ANALYTICS_RETENTION_DAYS: '0' },
      /^FAIL {2}settings: ANALYTICS_RETENTION_DAYS: "0" is too small: the least allowed is 1\. /m,
    ],
    [
      // The web chat explicitly on, so that the unresolvable HOST is the one problem.
      { HOST: 'not a host', WEB_CHAT: 'on' },
      /^FAIL {2}settings: HOST: "not a host" does not resolve to an address\. Set HOST to an address/m,
    ],
    [
      { ESCALATION_SLACK_CHANNEL: 'general' },
      /^FAIL {2}escalation: ESCALATION_SLACK_CHANNEL: must be a Slack channel id such as C0123ABCD\. Open the channel/m,
    ],
    [
      { MicrosoftAppId: 'not-a-guid' },
      /^FAIL {2}Teams: MicrosoftAppId: must be a GUID\. Copy the Microsoft App ID/m,
    ],
    [{ LOG_LEVEL: 'loud' }, /^FAIL {2}settings: LOG_LEVEL: .*leave it unset for info/m],
    [
      { RATE_LIMIT_PER_MINUTE: '-1' },
      /^FAIL {2}settings: RATE_LIMIT_PER_MINUTE: "-1" is too small: the least allowed is 0\. /m,
    ],
    [{ MAX_TURNS_IN_FLIGHT: '0' }, /^FAIL {2}settings: MAX_TURNS_IN_FLIGHT: .*leave it unset for 1000/m],
    [{ REDIS_URL: 'http://cache:6379' }, /^FAIL {2}settings: REDIS_URL: /m],
    [
      { REDIS_URL: 'redis://127.0.0.1:1' },
      /^FAIL {2}redis: redis:\/\/127\.0\.0\.1:1 cannot be reached \(connect ECONNREFUSED/m,
    ],
  ])('exits 1 naming the problem once, in plain words, with %j', (env, expected) => {
    const result = runCli(['doctor'], { env: { PORT: '0', ...env } });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(expected);
    expect(result.stdout).toMatch(/^not usable: 1 problem above$/m);
    expect(result.stdout).not.toMatch(/Invalid input|Too small|Too big|expected number/);
  });

  it('says where escalations go', () => {
    const nowhere = runCli(['doctor'], { env: { PORT: '0', WEB_CHAT: 'on', NODE_ENV: 'production' } });
    expect(nowhere.stdout).toMatch(
      /^ok {4}escalations: nowhere: people are given the contact \(citizenengagement@gov\.bc\.ca\) and the text to send themselves \(set ESCALATION_SLACK_CHANNEL/m,
    );
  });

  it('refuses a port another program listens on, naming PORT', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const result = runCli(['doctor'], { env: { PORT: String(port) } });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(
        `FAIL  settings: PORT: port ${port} on 127.0.0.1 is already in use (another guidebot, or another program, listens there). Stop that program, or set PORT to a free port.`,
      );
    } finally {
      busy.close();
    }
  });

  it('is usable once a registered channel has its variables, and names a half-configured one', async () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-doctor', SLACK_SIGNING_SECRET: '0123456789abcdef0123' };
    const usable = await runCliAsync(['doctor'], { ...slack, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    expect(usable.stdout).toContain(
      'on    slack: Events API, commands and interactivity on POST /slack/events\n',
    );
    expect(usable.stdout).toMatch(/^usable$/m);
    expect(usable.status).toBe(0);

    const half = runCli(['doctor'], { env: { SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN, PORT: '0' } });
    expect(half.status).toBe(1);
    expect(half.stdout).toMatch(
      /^FAIL {2}Slack: SLACK_SIGNING_SECRET: is not set, but SLACK_BOT_TOKEN is\. /m,
    );
  });

  it('is not usable when Slack rejects the bot token, as serve would not start', async () => {
    fake.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-1-2-revoked',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
    };
    const result = await runCliAsync(['doctor'], env);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL {2}Slack: SLACK_BOT_TOKEN: was rejected by Slack \(invalid_auth\)\. Copy the current Bot User OAuth Token/m,
    );
  });

  it('reaches a real Redis when REDIS_URL points at one', () => {
    const result = runCli(['doctor'], { env: { REDIS_URL: 'redis://127.0.0.1:6379', PORT: '0' } });
    expect(result.stdout).toMatch(/^ok {4}redis: redis:\/\/127\.0\.0\.1:6379 answered PING in \d+ ms$/m);
  });

  it('names the knowledge file, place and reason when knowledge is broken', () => {
    const dir = copyKnowledge();
    editFile(dir, 'operations.yaml', 'rateLimited:', 'rateLimitted:');
    const result = runCli(['doctor'], { env: { GUIDEBOT_KNOWLEDGE_DIR: dir, PORT: '0' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}knowledge: .*operations\.yaml:\d+:\d+: rateLimited: /m);
  });
});
