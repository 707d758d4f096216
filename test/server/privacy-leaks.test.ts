import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { webSetup } from '../../src/adapters/web';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { guardPersonalInformation } from '../../src/core/privacy/guard';
import { normalizeText } from '../../src/core/search/text';
import { connectRedisStore } from '../../src/core/state/redis-store';
import type { ConversationState } from '../../src/core/bot';
import { startServer } from '../../src/server/serve';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/signed-request';
import { postTurn } from '../adapters/web/web-server';
import { deleteKeys, REDIS_URL, uniquePrefix } from '../core/state/redis-helpers';
import { makeTempDir } from '../helpers/knowledge-copy';
import { memoryLogger } from './helpers';
import { LEAK_CASES, ORDINARY_QUESTIONS } from './privacy-leak-cases';

// Every case is typed into the real server (web chat, Redis state, file analytics, debug logs) and then
// escalated to a (fake) Slack channel. None of its personal information may be kept anywhere.
const TEAM_CHANNEL = 'C0ESCALATE1';
// Escalations are limited per channel and hour: each batch gets a server and counters of its own.
const BATCH = 25;
const prefix = uniquePrefix('privacy-leaks');
const dataDir = makeTempDir('privacy-leaks');
let fake: FakeSlackApi;
let logs = '';
const ordinaryNotes: string[] = [];

type WebReply = { text: string; note?: string };

async function runServer(batch: number, work: (url: string) => Promise<void>): Promise<void> {
  const store = await connectRedisStore<ConversationState>({ url: REDIS_URL, prefix: `${prefix}${batch}:` });
  const env = {
    PORT: '0',
    LOG_LEVEL: 'debug',
    RATE_LIMIT_PER_MINUTE: '0',
    GUIDEBOT_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ESCALATION_SLACK_CHANNEL: TEAM_CHANNEL,
  };
  const log = memoryLogger(env);
  const server = await startServer({ env, logger: log.logger, store, setups: [webSetup] });
  try {
    await work(server.url);
  } finally {
    await server.close();
    logs += log.raw();
  }
}

async function turn(url: string, conversation: string, input: object): Promise<WebReply[]> {
  const { status, json } = await postTurn(url, { conversation, ...input });
  expect(status).toBe(200);
  return (json as { replies: WebReply[] }).replies;
}

/** Every value kept under the test's Redis prefix, as text. */
async function redisContents(): Promise<string> {
  const client = new Redis(REDIS_URL);
  try {
    const parts: string[] = [];
    for (const key of await client.keys(`${prefix}*`)) {
      const type = await client.type(key);
      if (type === 'string') parts.push(key, (await client.get(key)) ?? '');
      else if (type === 'hash') parts.push(key, JSON.stringify(await client.hgetall(key)));
      else if (type === 'list') parts.push(key, ...(await client.lrange(key, 0, -1)));
      else if (type === 'zset') parts.push(key, ...(await client.zrange(key, '0', '-1')));
      else if (type === 'set') parts.push(key, ...(await client.smembers(key)));
    }
    return parts.join('\n');
  } finally {
    client.disconnect();
  }
}

function filesUnder(dir: string): string {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((file) => (statSync(file).isDirectory() ? filesUnder(file) : readFileSync(file, 'utf8')))
    .join('\n');
}

beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  for (let start = 0; start < LEAK_CASES.length; start += BATCH)
    await runServer(start, async (url) => {
      for (const { text } of LEAK_CASES.slice(start, start + BATCH)) {
        const conversation = `leak-${randomUUID()}`;
        await turn(url, conversation, { text });
        await turn(url, conversation, { text: 'talk to a person' });
        await turn(url, conversation, { choice: 'escalation:send' });
      }
    });
  await runServer(-1, async (url) => {
    for (const text of ORDINARY_QUESTIONS) {
      const replies = await turn(url, `ordinary-${randomUUID()}`, { text });
      ordinaryNotes.push(...replies.filter((r) => r.note === 'personal-information').map(() => text));
    }
  });
}, 120_000);

afterAll(async () => {
  await fake.stop();
  await deleteKeys(prefix);
  rmSync(dataDir, { recursive: true, force: true });
});

test(`the table holds at least 150 messages with personal information and 50 ordinary questions`, () => {
  expect(LEAK_CASES.length).toBeGreaterThanOrEqual(150);
  expect(ORDINARY_QUESTIONS.length).toBeGreaterThanOrEqual(50);
});

test('every message was escalated (so the escalation check below saw each one)', () => {
  const posted = fake.callsOf('chat.postMessage').filter((c) => c.params.channel === TEAM_CHANNEL);
  expect(posted).toHaveLength(LEAK_CASES.length);
});

describe.each([
  ['analytics', () => filesUnder(path.join(dataDir, 'analytics'))],
  ['logs', () => logs],
  ['Redis state', redisContents],
  [
    'escalations',
    () =>
      fake
        .callsOf('chat.postMessage')
        .filter((c) => c.params.channel === TEAM_CHANNEL)
        .map((c) => String(c.params.text))
        .join('\n'),
  ],
])('nothing personal is kept in %s', (_where, read) => {
  let contents: Promise<string> | undefined;
  test.each(LEAK_CASES.map((c) => [c.text, c.secrets] as const))('%j', async (_text, secrets) => {
    const kept = normalizeText(await (contents ??= Promise.resolve(read())));
    for (const secret of secrets) expect(kept).not.toContain(normalizeText(secret));
  });
});

test('ordinary guideline questions come through unchanged, with no personal-information reminder', () => {
  expect(ordinaryNotes).toEqual([]);
  const changed = ORDINARY_QUESTIONS.filter((q) => guardPersonalInformation(q).redacted !== q);
  expect(changed).toEqual([]);
});

test('every section name and contact of the guideline, asked about, comes through unchanged', () => {
  const kb = loadKnowledge();
  const questions = [
    ...kb.guideline.sections.map((section) => `What does ${section.title} say about posting?`),
    ...kb.contacts.contacts.map((contact) => `How do I reach ${contact.name}?`),
  ];
  expect(questions.filter((q) => guardPersonalInformation(q).redacted !== q)).toEqual([]);
});
