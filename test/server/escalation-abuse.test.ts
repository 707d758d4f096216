import { randomUUID } from 'node:crypto';
import { webSetup } from '../../src/adapters/web';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { ESCALATION_LIMITS } from '../../src/core/turns/forward-escalation';
import { startServer, type RunningServer } from '../../src/server/serve';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/signed-request';
import { postTurn } from '../adapters/web/web-server';

// Escalations are posted where a whole team reads them: only an offer this conversation was shown, once,
// and at most a few an hour per person and per channel. Forwarded through the Slack sink to a fake Slack.
const TEAM_CHANNEL = 'C0ESCALATE1';
const m = loadKnowledge().messages;
let fake: FakeSlackApi;
let server: RunningServer;

beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
});
afterAll(() => fake.stop());
beforeEach(async () => {
  fake.reset();
  server = await startServer({
    env: {
      PORT: '0',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      ESCALATION_SLACK_CHANNEL: TEAM_CHANNEL,
    },
    setups: [webSetup],
  });
});
afterEach(() => server.close());

const posted = () => fake.callsOf('chat.postMessage').filter((c) => c.params.channel === TEAM_CHANNEL);
type Replies = { replies: Array<{ text: string }> };
const turn = async (conversation: string, input: { text?: string; choice?: string }) =>
  ((await postTurn(server.url, { conversation, ...input })).json as Replies).replies;

test('"send" in conversations that were never offered anything forwards nothing', async () => {
  for (let i = 0; i < 30; i++) {
    const [reply] = await turn(`never-offered-${i}-${randomUUID().slice(0, 8)}`, {
      choice: 'escalation:send',
    });
    expect(reply!.text).toContain(m.dialogs.nothingWaiting);
  }
  expect(posted()).toEqual([]);
});

test('an offer is sent once: repeating "send" in the same conversation forwards nothing more', async () => {
  const conversation = `offered-once-${randomUUID().slice(0, 8)}`;
  await turn(conversation, { text: 'which pizza place in Victoria delivers late?' });
  await turn(conversation, { text: 'talk to a person' });
  const [sent] = await turn(conversation, { choice: 'escalation:send' });
  expect(sent!.text).toContain("Sent to the Citizen Engagement team's Slack channel");
  const [again] = await turn(conversation, { choice: 'escalation:send' });
  expect(again!.text).toContain(m.dialogs.nothingWaiting);
  expect(posted()).toHaveLength(1);
});

test(`one channel forwards at most ${ESCALATION_LIMITS.perChannel} an hour, however many conversations ask`, async () => {
  const told: string[] = [];
  for (let i = 0; i < ESCALATION_LIMITS.perChannel + 3; i++) {
    const conversation = `rotating-${i}-${randomUUID().slice(0, 8)}`;
    await turn(conversation, { text: 'talk to a person' });
    told.push((await turn(conversation, { choice: 'escalation:send' }))[0]!.text);
  }
  expect(posted()).toHaveLength(ESCALATION_LIMITS.perChannel);
  expect(told.slice(-3).every((text) => text.startsWith(m.escalation.forwardLimited))).toBe(true);
});

test(`one person forwards at most ${ESCALATION_LIMITS.perPerson} an hour`, async () => {
  const conversation = `one-person-${randomUUID().slice(0, 8)}`;
  const told: string[] = [];
  for (let i = 0; i <= ESCALATION_LIMITS.perPerson; i++) {
    await turn(conversation, { text: 'talk to a person' });
    told.push((await turn(conversation, { choice: 'escalation:send' }))[0]!.text);
  }
  expect(posted()).toHaveLength(ESCALATION_LIMITS.perPerson);
  expect(told.at(-1)).toContain(m.escalation.forwardLimited);
});
