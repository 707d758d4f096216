import Redis from 'ioredis';
import { webSetup } from '../../src/adapters/web';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { startServer, type RunningServer } from '../../src/server/serve';
import { startSlackHarness, type SlackHarness } from '../adapters/slack/slack-server';
import { directMessage } from '../adapters/slack/slack-fixtures';
import { sendEvent } from '../adapters/slack/signed-request';
import { postTurn } from '../adapters/web/web-server';
import { freePort, startRedis, type PrivateRedis } from '../core/state/redis-helpers';
import { makeTempDir } from '../helpers/knowledge-copy';

// A Redis that stops answering (frozen, as with SIGSTOP; here CLIENT PAUSE on a Redis of our own) must make
// the bot answer without memory within a second, not wait out a timeout on every store call of a turn.
jest.setTimeout(30_000);
const m = loadKnowledge().messages;
let redis: PrivateRedis;
let admin: Redis;
let server: RunningServer;
let slack: SlackHarness;

beforeAll(async () => {
  redis = await startRedis(await freePort());
  admin = new Redis(redis.url);
  const env = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    REDIS_URL: redis.url,
    GUIDEBOT_DATA_DIR: makeTempDir('frozen'),
  };
  server = await startServer({ env, setups: [webSetup] });
  slack = await startSlackHarness({ ...env, LOG_LEVEL: 'silent' });
  // Everything loaded and connected before Redis freezes.
  await postTurn(server.url, { conversation: 'frozen-warm-up', text: 'hello' });
});
afterAll(async () => {
  await admin.call('CLIENT', 'UNPAUSE').catch(() => undefined);
  admin.disconnect();
  await server.close();
  await slack.close();
  await redis.stop();
});

type Replies = { replies: Array<{ kind: string; text: string; dialog?: unknown }> };

async function timedTurn(conversation: string, text: string) {
  const started = performance.now();
  const { status, json } = await postTurn(server.url, { conversation, text });
  return { status, replies: (json as Replies).replies, ms: performance.now() - started };
}

test('with Redis frozen, every turn is answered within a second, and a question starting a dialog keeps its answer', async () => {
  await admin.call('CLIENT', 'PAUSE', '15000', 'ALL');
  const turns = [
    await timedTurn('frozen-1', 'Can I post a photo of a member of the public?'),
    await timedTurn('frozen-1', 'Do I need PAB approval?'),
    await timedTurn('frozen-2', 'Who might need to sign off on a social media project?'),
  ];
  for (const turn of turns) {
    expect(turn.status).toBe(200);
    expect(turn.ms).toBeLessThan(1000);
  }
  // The question that would also start the approvals check: its answer, then why the check cannot start.
  const [answer, ...rest] = turns[1]!.replies;
  expect(answer!.kind).toBe('answer');
  expect(rest.map((r) => r.text)).toContain(m.storeUnavailable);
  expect(turns[1]!.replies.some((r) => r.dialog)).toBe(false);

  // Slack: acknowledged, and the answer posted within a second and a half of the event.
  const started = performance.now();
  expect(
    (await sendEvent(slack.url, directMessage('Can I post a photo of a member of the public?'))).status,
  ).toBe(200);
  await slack.fake.waitFor('chat.postMessage');
  expect(performance.now() - started).toBeLessThan(1500);
});
