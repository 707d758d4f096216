import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Env } from '../../src/config';
import { runDoctor } from '../../src/ops/doctor';
import { CHANNEL_SETUPS } from '../../src/server/channels';
import { createLogger } from '../../src/server/logger';
import { startServer } from '../../src/server/serve';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';

// `guidebot doctor` says "usable" exactly when `guidebot serve` would start, for each of these settings.
const fake = new FakeSlackApi();
const busy = createServer();
let busyPort = 0;
beforeAll(async () => {
  await fake.start();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as AddressInfo).port;
});
afterAll(async () => {
  await fake.stop();
  busy.close();
});

const slack = (token: string): Env => ({
  SLACK_BOT_TOKEN: token,
  SLACK_SIGNING_SECRET: '0123456789abcdef0123',
  SLACK_API_URL: fake.apiUrl,
});

const cases: Array<[string, () => Env, boolean]> = [
  ['the defaults', () => ({}), true],
  ['a short ANALYTICS_SALT', () => ({ ANALYTICS_SALT: 'short' }), false],
  ['ANALYTICS_RETENTION_DAYS=0', () => ({ ANALYTICS_RETENTION_DAYS: '0' }), false],
  ['a HOST that does not resolve', () => ({ HOST: 'not a host', WEB_CHAT: 'on' }), false],
  ['RATE_LIMIT_PER_MINUTE=-1', () => ({ RATE_LIMIT_PER_MINUTE: '-1' }), false],
  [
    'a Slack channel name for escalations',
    () => ({ ...slack('xoxb-ok'), ESCALATION_SLACK_CHANNEL: 'general' }),
    false,
  ],
  [
    'a Slack channel id for escalations',
    () => ({ ...slack('xoxb-ok'), ESCALATION_SLACK_CHANNEL: 'C0123ABCD' }),
    true,
  ],
  ['MicrosoftAppId that is not a GUID', () => ({ MicrosoftAppId: 'not-a-guid' }), false],
  ['a Slack token Slack rejects', () => slack('xoxb-revoked'), false],
  ['a port in use', () => ({ PORT: String(busyPort) }), false],
  ['no channel on', () => ({ NODE_ENV: 'production', WEB_CHAT: 'off' }), false],
];

describe('guidebot doctor and serve', () => {
  it.each(cases)('agree with %s', async (_name, makeEnv, starts) => {
    const env: Env = { PORT: '0', LOG_LEVEL: 'silent', ...makeEnv() };
    if (env.SLACK_BOT_TOKEN === 'xoxb-revoked') {
      fake.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
      fake.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    }
    const report = await runDoctor({ env, setups: CHANNEL_SETUPS });
    const started = await startServer({ env, logger: createLogger({ LOG_LEVEL: 'silent' }) }).then(
      async (running) => {
        await running.close();
        return true;
      },
      () => false,
    );
    expect({ doctor: report.ok, serve: started }).toEqual({ doctor: starts, serve: starts });
  });
});
