import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import {
  fixture,
  postActivity,
  startFakeConnector,
  type ConnectorCall,
  type FakeConnector,
} from '../adapters/teams/fake-connector';
import { BOT_TOKEN, SIGNING_SECRET, sendEvent } from '../adapters/slack/signed-request';
import { directMessage, newEventId } from '../adapters/slack/slack-fixtures';
import { freePort, startRedis, type PrivateRedis } from '../core/state/redis-helpers';
import { startServerProcess, type ServerProcess } from './server-process';
import { ANSWER_POSTED, newDirectChannel, postsTo, QUESTION, say, STATEFUL } from './slack-conversation';

// Two real `guidebot serve` processes sharing one Redis (a private redis-server, so nothing else's keys are
// touched and nothing is left behind), with Slack pointed at a local fake Slack API.
jest.setTimeout(90_000);

let redis: PrivateRedis;
let fake: FakeSlackApi;
let connector: FakeConnector;
const replicas: ServerProcess[] = [];

async function replica(env: Record<string, string> = {}): Promise<ServerProcess> {
  const started = await startServerProcess({
    ...env,
    REDIS_URL: redis.url,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  replicas.push(started);
  return started;
}

beforeAll(async () => {
  redis = await startRedis(await freePort());
  fake = new FakeSlackApi();
  await fake.start();
  connector = await startFakeConnector();
});
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await fake.stop();
  await connector.close();
  await redis.stop();
});

it('continues a conversation begun on one replica on the other, turn by turn', async () => {
  const [a, b] = await Promise.all([replica(), replica()]);
  const channel = newDirectChannel();
  for (const [i, text] of STATEFUL.texts.entries()) {
    const posts = await say(fake, (i % 2 ? b : a).url, channel, text);
    expect(posts[0]!.params.text).toBe(STATEFUL.posted[i]);
  }
});

it('answers an event once when Slack retries it to the other replica', async () => {
  const [a, b] = replicas;
  const channel = newDirectChannel();
  const eventId = newEventId();
  const question = QUESTION;
  await say(fake, a!.url, channel, question, { eventId });
  const retry = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };
  const again = await sendEvent(b!.url, directMessage(question, { channel }, eventId), retry);
  expect(again.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 800));
  const answers = postsTo(fake, channel).filter((call) => call.params.text === ANSWER_POSTED);
  expect(answers).toHaveLength(1);
});

it('loses nothing when a replica is killed mid-conversation: the survivor and a restarted replica go on', async () => {
  const [a, b] = replicas as [ServerProcess, ServerProcess];
  const { texts, posted } = STATEFUL;
  const expectReply = async (url: string, channel: string, i: number): Promise<void> => {
    const posts = await say(fake, url, channel, texts[i]!);
    expect(posts[0]!.params.text).toBe(posted[i]);
  };

  const first = newDirectChannel();
  await expectReply(a.url, first, 0);
  await a.kill();
  await expectReply(b.url, first, 1);
  const restarted = await replica();
  for (let i = 2; i < texts.length; i++) await expectReply(restarted.url, first, i);

  const second = newDirectChannel();
  await expectReply(b.url, second, 0);
  for (let i = 1; i < texts.length; i++) await expectReply(restarted.url, second, i);
});

it('answers an event on the other replica when the one that took it is killed before answering', async () => {
  // Slack has its ack and will not send the event again: only the journal in Redis can save the answer.
  const [c, d] = await Promise.all([1, 2].map(() => replica({ REPLICA_TIMEOUT_SECONDS: '1' })));
  const channel = newDirectChannel();
  const question = QUESTION;
  const answers = () => postsTo(fake, channel).filter((call) => call.params.text === ANSWER_POSTED);
  // c's post is rate limited for half a minute: c is still waiting to answer when it is killed. (Earlier
  // tests' last messages land first, so none of them takes the scripted answer.)
  await fake.settle();
  fake.script('chat.postMessage', {
    status: 429,
    headers: { 'retry-after': '30' },
    body: { ok: false, error: 'ratelimited' },
  });
  const res = await sendEvent(c!.url, directMessage(question, { channel }));
  expect(res.status).toBe(200);
  const deadline = Date.now() + 5000;
  while (answers().length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(answers()).toHaveLength(1); // the refused try
  await c!.kill();

  const killedAt = Date.now();
  while (answers().length < 2 && Date.now() - killedAt < 10_000) await new Promise((r) => setTimeout(r, 50));
  expect(answers()).toHaveLength(2);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  // d answered once; nobody answered it a third time, and d kept answering its own turns.
  expect(answers()).toHaveLength(2);
  const other = newDirectChannel();
  const posts = await say(fake, d!.url, other, question);
  expect(posts[0]!.params.text).toBe(ANSWER_POSTED);
});

it('answers a Teams message on the other replica when the one that acknowledged it is killed before answering', async () => {
  // The connector has its 200 and will not send the message again (Teams in local mode, connector on loopback).
  const [e, f] = await Promise.all([1, 2].map(() => replica({ REPLICA_TIMEOUT_SECONDS: '1' })));
  const question = QUESTION;
  // e's reply is throttled for half a minute: e is still waiting to send it when it is killed.
  connector.failNextMessages(1, 429, 30);
  const message = fixture(
    'personal-message',
    { serviceUrl: connector.url },
    { id: 'killed-mid-turn', text: question },
  );
  expect((await postActivity(e!.url, message)).status).toBe(200);
  expect(await connector.waitForMessages(1)).toHaveLength(1); // the refused try
  await e!.kill();

  const answers = await connector.waitForMessages(2, 10_000);
  expect(answers).toHaveLength(2);
  const [refused, adopted] = answers as [ConnectorCall, ConnectorCall];
  expect(adopted.body.text).toBe('From the guidelines:');
  expect(JSON.stringify(adopted.body.attachments)).toContain('1) matters before the courts');
  // The same conversation, as a reply to the message it answers.
  expect(adopted.path).toBe(refused.path);
  expect(adopted.body.replyToId).toBe('killed-mid-turn');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(connector.messages()).toHaveLength(2); // answered once, by f
  const next = fixture(
    'personal-message',
    { serviceUrl: connector.url },
    { id: 'after-the-kill', text: question },
  );
  expect((await postActivity(f!.url, next)).status).toBe(200);
  expect(await connector.waitForMessages(3)).toHaveLength(3);
});
