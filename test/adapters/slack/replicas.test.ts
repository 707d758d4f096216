import { createMemoryStore } from '../../../src/core/state/memory-store';
import type { ConversationState } from '../../../src/core/bot';
import { FakeSlackApi } from './fake-slack-api';
import { mention } from './slack-fixtures';
import { startSlackHarness, type SlackHarness } from './slack-server';
import { sendEvent } from './signed-request';

// Two replicas behind one request URL share the store (Redis in production; one memory store stands in here).
let fake: FakeSlackApi;
let a: SlackHarness;
let b: SlackHarness;

beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  const store = createMemoryStore<ConversationState>();
  a = await startSlackHarness({}, { fake, store });
  b = await startSlackHarness({}, { fake, store });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await fake.stop();
});

it('answers an event once when its retry reaches the other replica', async () => {
  const event = mention('can we talk about court cases with the public?');
  expect((await sendEvent(a.url, event)).status).toBe(200);
  const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
  expect((await sendEvent(b.url, event, { headers: retry })).status).toBe(200);
  await fake.waitFor('chat.postMessage');
  await new Promise((resolve) => setTimeout(resolve, 300));
  // One turn, so one answer (the collection notice of a first contact follows it as a second message).
  expect(a.turns.length + b.turns.length).toBe(1);
  const posted = fake.callsOf('chat.postMessage').map((call) => String(call.params.text));
  expect(posted.filter((text) => text.includes('matters before the courts'))).toHaveLength(1);
  expect(posted.length).toBeLessThanOrEqual(2);
});
