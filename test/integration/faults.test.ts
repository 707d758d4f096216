import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { escapeMrkdwn } from '../../src/adapters/slack/mrkdwn';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/signed-request';
import { freePort, startRedis, type PrivateRedis } from '../core/state/redis-helpers';
import { makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';
import {
  fixture,
  postActivity,
  startFakeConnector,
  type FakeConnector,
} from '../adapters/teams/fake-connector';
import { startServerProcess, type ServerProcess } from './server-process';
import { ANSWER_POSTED, newDirectChannel, QUESTION, say, STATEFUL } from './slack-conversation';

// Faults a whole `guidebot serve` process must live through, seen from Slack: a private redis-server that is
// killed and restarted under it, and a corrupt index file at start.
jest.setTimeout(90_000);

const { messages } = loadKnowledge();
const slackEnv = (fake: FakeSlackApi) => ({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
});

let fake: FakeSlackApi;
let connector: FakeConnector;
beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  connector = await startFakeConnector();
});
afterAll(async () => {
  await fake.stop();
  await connector.close();
  removeTempDirs();
});

describe('Redis goes away and comes back while the server runs', () => {
  let port: number;
  let redis: PrivateRedis;
  let server: ServerProcess;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    server = await startServerProcess({ REDIS_URL: redis.url, ...slackEnv(fake) });
  });
  afterAll(async () => {
    await server.stop();
    await redis.stop();
  });

  it('answers questions while Redis is down, says to try again on a choice turn, and recovers', async () => {
    const { texts, posted } = STATEFUL;
    const midway = newDirectChannel();
    expect((await say(fake, server.url, midway, texts[0]!))[0]!.params.text).toBe(posted[0]);

    await redis.stop();
    // A question needs no memory: the same answer as ever.
    const during = await say(fake, server.url, newDirectChannel(), QUESTION);
    expect(during[0]!.params.text).toBe(ANSWER_POSTED);
    // The same on Teams (local mode, with the Bot Connector on loopback).
    const activity = fixture(
      'personal-message',
      { serviceUrl: connector.url },
      { id: 'during-outage', text: QUESTION },
    );
    expect((await postActivity(server.url, activity)).status).toBe(200);
    const [teams] = await connector.waitForMessages(1);
    expect(teams?.body.text).toBe('From the guidelines:');
    expect(JSON.stringify(teams?.body.attachments)).toContain('1) matters before the courts');
    // A turn that needs the conversation's memory gets a clear message, not a wrong answer or an error.
    const tryAgain = await say(fake, server.url, midway, texts[1]!);
    // (The collection notice may follow: without the store the bot cannot tell it was given, so it repeats it.)
    expect(tryAgain[0]!.params.text).toBe(escapeMrkdwn(messages.storeUnavailable));
    expect(server.child.exitCode).toBeNull();
    expect(server.logs.join('\n')).not.toMatch(/"level":(50|60)/);

    redis = await startRedis(port);
    // A first turn is answered alike with or without the store, so the whole exchange is what shows recovery.
    await eventually(async () => {
      const after = newDirectChannel();
      for (const [i, text] of texts.entries()) {
        const posts = await say(fake, server.url, after, text);
        expect(posts[0]!.params.text).toBe(posted[i]);
      }
    });
  });
});

it('rebuilds a corrupt index file at start and answers from it', async () => {
  const indexPath = path.join(makeTempDir('corrupt-index'), 'index.json');
  writeFileSync(indexPath, '{"format": 3, "knowledgeHash": "garbage', 'utf8');
  const server = await startServerProcess({ GUIDEBOT_INDEX_PATH: indexPath, ...slackEnv(fake) });
  try {
    const posts = await say(fake, server.url, newDirectChannel(), QUESTION);
    expect(posts[0]!.params.text).toBe(ANSWER_POSTED);
    expect(() => JSON.parse(readFileSync(indexPath, 'utf8')) as unknown).not.toThrow();
  } finally {
    await server.stop();
  }
});

/** Retries `check` until it passes (the Redis client reconnects within about a second), at most 8 s. */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 8000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}
