import { monitorEventLoopDelay } from 'node:perf_hooks';
import { teamsSetup } from '../../src/adapters/teams';
import { webSetup } from '../../src/adapters/web';
import { MAX_INBOUND_CHARS } from '../../src/core/search/text';
import { withTextRedacted } from '../../src/core/state/turn-journal';
import { startServer, type RunningServer } from '../../src/server/serve';
import { startSlackHarness, type SlackHarness } from '../adapters/slack/slack-server';
import { mention } from '../adapters/slack/slack-fixtures';
import { sendEvent } from '../adapters/slack/signed-request';
import {
  fixture,
  postActivity,
  startFakeConnector,
  type FakeConnector,
} from '../adapters/teams/fake-connector';
import { postTurn } from '../adapters/web/web-server';

// One message must never stall the server: every channel cuts text to one shared cap before it reads it,
// and nothing after that is super-linear. Measured as the event loop's worst delay while the server
// handles the message: a 250 KB Teams message of "<at>" blocked it for 14 s before the cap.
const MAX_DELAY_MS = 50;
const ENV = { PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' };

let connector: FakeConnector;
let server: RunningServer;
let slack: SlackHarness;

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startServer({ env: ENV, setups: [teamsSetup, webSetup] });
  slack = await startSlackHarness({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
  // A first question with words the guideline does not use loads word lists once (not what is measured).
  await postTurn(server.url, { conversation: 'warm-up-web', text: 'zzqx flibber quorble' });
  await sendEvent(slack.url, mention('warm up: zzqx flibber quorble'));
  await slack.server.settled();
  slack.turns.length = 0;
});
afterAll(async () => {
  await server.close();
  await slack.close();
  await connector.close();
});

/**
 * The event loop's longest delay (ms) while `work` runs, the better of two tries: on a busy machine the OS
 * may pause the process for a moment, while a real stall (seconds) happens every time. `work` gets the try.
 */
async function worstDelay(work: (attempt: number) => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let attempt = 0; attempt < 2 && best >= MAX_DELAY_MS; attempt++) {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    try {
      await work(attempt);
    } finally {
      histogram.disable();
    }
    best = Math.min(best, histogram.max / 1e6);
  }
  return best;
}

test('a 250 KB Teams message of <at> tags is answered without blocking the event loop', async () => {
  const text = `can I post a photo of a member of the public? ${'<at>'.repeat(62_000)}`;
  const body = (attempt: number) =>
    fixture('personal-message', { serviceUrl: connector.url }, { id: `hostile-${attempt}`, text });
  const before = connector.messages().length;
  const delay = await worstDelay((attempt) => postActivity(server, body(attempt)));
  expect(delay).toBeLessThan(MAX_DELAY_MS);
  // It was read (capped), not dropped: the bot answered.
  expect(connector.messages().length).toBeGreaterThan(before);
});

test('the longest web chat message of digits and tags does not block the event loop', async () => {
  const half = MAX_INBOUND_CHARS / 2;
  const hostile = ['1 '.repeat(half), '<at>'.repeat(half / 2), '@'.repeat(MAX_INBOUND_CHARS)];
  // Capitalised unfamiliar words: each is a name candidate the tagger might read.
  hostile.push('Priya Sharma '.repeat(160), 'Zorb '.repeat(400), 'my wife '.repeat(250));
  for (const text of hostile) {
    const delay = await worstDelay(() => postTurn(server.url, { conversation: 'hostile-web-1', text }));
    expect(delay).toBeLessThan(MAX_DELAY_MS);
  }
});

test('a Slack message of 250 KB reaches the core cut to the shared cap, without blocking', async () => {
  const text = `<@U0BOT> ${'1 <@U1> '.repeat(31_000)}`;
  const delay = await worstDelay(async () => {
    expect((await sendEvent(slack.url, mention(text))).status).toBe(200);
    await slack.server.settled();
  });
  expect(delay).toBeLessThan(MAX_DELAY_MS);
  expect(slack.turns.length).toBeGreaterThan(0);
  expect(slack.turns[0]!.text!.length).toBeLessThanOrEqual(MAX_INBOUND_CHARS);
});

test('the turn journal redacts capped text: 50 KB of "1 " is noted cut, in milliseconds', () => {
  const started = performance.now();
  const noted = withTextRedacted({ text: `${'1 '.repeat(25_000)}call me at 250-555-0199` });
  expect(performance.now() - started).toBeLessThan(MAX_DELAY_MS);
  expect(noted.text!.length).toBeLessThanOrEqual(MAX_INBOUND_CHARS);
});
