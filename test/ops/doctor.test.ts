import type { Env } from '../../src/config';
import { ConfigError } from '../../src/core/errors';
import { runDoctor } from '../../src/ops/doctor';
import type { ChannelSetup } from '../../src/server/channel';
import { runCli } from '../helpers/cli';
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
  it('with nothing set, runs the web chat and local Teams, says what Slack needs, and exits 0', () => {
    const result = runCli(['doctor']);
    expect(result.stdout.split('\n')).toEqual([
      'ok    settings: listen on 127.0.0.1:3978, conversations in memory (this process only) for 30 min, 20 messages a minute per person, log level info',
      `ok    knowledge: 19 sections, 65 passages in ${KNOWLEDGE_DIR}`,
      'off   slack: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set',
      'on    teams: POST /api/messages, local mode: no authentication, replies only to a loopback serviceUrl',
      'on    web: chat page at GET / and POST /api/web/turn, this machine only',
      'usable',
      '',
    ]);
    expect(result.status).toBe(0);
  });

  it.each([
    [{ PORT: 'eighty' }, /^FAIL {2}settings: PORT: .*Set it to a port number/m],
    [{ LOG_LEVEL: 'loud' }, /^FAIL {2}settings: LOG_LEVEL: .*leave it unset for info/m],
    [{ RATE_LIMIT_PER_MINUTE: '-5' }, /^FAIL {2}settings: RATE_LIMIT_PER_MINUTE: /m],
    [{ MAX_TURNS_IN_FLIGHT: '0' }, /^FAIL {2}settings: MAX_TURNS_IN_FLIGHT: .*leave it unset for 1000/m],
    [{ REDIS_URL: 'http://cache:6379' }, /^FAIL {2}settings: REDIS_URL: /m],
    [
      { REDIS_URL: 'redis://127.0.0.1:1' },
      /^FAIL {2}redis: redis:\/\/127\.0\.0\.1:1 cannot be reached \(connect ECONNREFUSED/m,
    ],
  ])('exits 1 naming the problem with %j', (env, expected) => {
    const result = runCli(['doctor'], { env });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(expected);
    expect(result.stdout).toMatch(/^not usable: \d+ problems? above$/m);
  });

  it('is usable once a registered channel has its variables, and names a half-configured one', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-doctor', SLACK_SIGNING_SECRET: '0123456789abcdef0123' };
    const usable = runCli(['doctor'], { env: slack });
    expect(usable.stdout).toContain(
      'on    slack: Events API, commands and interactivity on POST /slack/events\n',
    );
    expect(usable.stdout).toMatch(/^usable$/m);
    expect(usable.status).toBe(0);

    const half = runCli(['doctor'], { env: { SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN } });
    expect(half.status).toBe(1);
    expect(half.stdout).toMatch(
      /^FAIL {2}channel: SLACK_SIGNING_SECRET: is not set, but SLACK_BOT_TOKEN is\. /m,
    );
  });

  it('reaches a real Redis when REDIS_URL points at one', () => {
    const result = runCli(['doctor'], { env: { REDIS_URL: 'redis://127.0.0.1:6379' } });
    expect(result.stdout).toMatch(/^ok {4}redis: redis:\/\/127\.0\.0\.1:6379 answered PING in \d+ ms$/m);
  });

  it('names the knowledge file, place and reason when knowledge is broken', () => {
    const dir = copyKnowledge();
    editFile(dir, 'operations.yaml', 'rateLimited:', 'rateLimitted:');
    const result = runCli(['doctor'], { env: { GUIDEBOT_KNOWLEDGE_DIR: dir } });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}knowledge: .*operations\.yaml:\d+:\d+: rateLimited: /m);
  });
});
