import { teamsSetup } from '../../../src/adapters/teams';
import { LABELS } from '../../../src/adapters/teams/labels';
import { startServer, type RunningServer } from '../../../src/server/serve';
import { AUTH_ENV, channelToken, interceptBotFramework, releaseBotFramework } from './fake-bot-framework';
import {
  cardOf,
  elementsOf,
  fixture,
  postActivity,
  startFakeConnector,
  submitButtons,
  type FakeConnector,
} from './fake-connector';

// An admin picks a team channel in chat; a person's confirmed escalation from a personal chat is posted there.
// Choosing the channel needs Bot Framework authentication: these turns carry a token the test signs.
const ENV = { PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' };
const CHANNEL = '19:8c0d3f7a2b1e4c9d8e7f6a5b4c3d2e1f@thread.tacv2';
let connector: FakeConnector;
let server: RunningServer;
let nextId = 0;

const activity = (name: string, overrides: Record<string, unknown> = {}) =>
  fixture(name, { serviceUrl: connector.url }, { id: `esc-${++nextId}`, ...overrides });
const inChannel = () =>
  connector.messages().filter((m) => m.path.startsWith(`/v3/conversations/${encodeURIComponent(CHANNEL)}`));

let authorization: Record<string, string> = {};
/** Posts as the connector does: with a valid token unless the bot runs in local mode. */
const post = (body: Record<string, unknown>) => postActivity(server, body, authorization);

async function start(env: Record<string, string> = {}, authenticated = true): Promise<void> {
  authorization = authenticated
    ? { authorization: `Bearer ${channelToken({ serviceurl: connector.url })}` }
    : {};
  const auth = authenticated ? AUTH_ENV : {};
  server = await startServer({ env: { ...ENV, ...auth, ...env }, setups: [teamsSetup] });
}

beforeAll(() => interceptBotFramework());
afterAll(() => releaseBotFramework());

beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(async () => {
  await server.close();
  await connector.close();
});

async function escalate(): Promise<string> {
  await post(activity('personal-message', { text: 'which pizza place in Victoria delivers late?' }));
  await post(activity('personal-message', { text: 'talk to a person' }));
  const offer = connector
    .messages()
    .find((m) => submitButtons(cardOf(m)).some((b) => b.data.guidebot.choice === 'escalation:send'))!;
  const send = submitButtons(cardOf(offer)).find((b) => b.data.guidebot.choice === 'escalation:send')!;
  await post(activity('card-submit', { value: send.data, replyToId: offer.returnedId }));
  return JSON.stringify(connector.messages().at(-1)!.body);
}

test('after "use this channel for escalations", a confirmed escalation is posted in that channel', async () => {
  await start({ ESCALATION_TEAMS_ADMINS: 'someone-else, 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' });
  await post(activity('channel-mention', { text: '<at>GuideBot</at> Use this channel for escalations.' }));
  expect(inChannel().map((m) => m.body.text)).toEqual([LABELS.escalationChannelSet]);

  const told = await escalate();
  const posted = inChannel().slice(1);
  expect(posted).toHaveLength(1);
  // A new post in the channel itself, not a reply in the thread where the command was typed.
  expect(posted[0]!.method).toBe('POST');
  expect(posted[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(CHANNEL)}/activities`);
  expect(String(posted[0]!.body.text)).toContain('which pizza place in Victoria delivers late?');
  expect(String(posted[0]!.body.text)).not.toMatch(/Alex|6f1c2d3e/);
  expect(told).toContain("Citizen Engagement team's Teams channel");
});

test('with no channel chosen, the person gets the email address and the text to paste', async () => {
  await start();
  const told = await escalate();
  expect(inChannel()).toEqual([]);
  expect(told).toContain('nothing was sent. Please email citizenengagement@gov.bc.ca');
});

test('with ESCALATION_TEAMS_ADMINS set, anyone else is refused and nothing changes', async () => {
  await start({ ESCALATION_TEAMS_ADMINS: 'aad-of-the-admin' });
  await post(activity('channel-mention', { text: '<at>GuideBot</at> use this channel for escalations' }));
  expect(inChannel().map((m) => m.body.text)).toEqual([LABELS.escalationChannelRefused]);
  expect(await escalate()).toContain('nothing was sent. Please email citizenengagement@gov.bc.ca');
  expect(inChannel()).toHaveLength(1);
});

test('in local mode (no authentication) nobody can choose the escalation channel', async () => {
  await start({}, false);
  await post(activity('channel-mention', { text: '<at>GuideBot</at> use this channel for escalations' }));
  expect(inChannel().map((m) => m.body.text)).toEqual([LABELS.escalationChannelRefused]);
  expect(await escalate()).toContain('nothing was sent. Please email citizenengagement@gov.bc.ca');
  expect(inChannel()).toHaveLength(1);
});

test('a question with a Markdown link and bidi controls is shown as typed text, never as a link', async () => {
  await start({}, false);
  // (A link text about accounts or logins would read as a phishing incident and start that report instead.)
  const question = '[Read the new policy](https://evil.example/policy) \u202e*urgent*\u202c pizza?';
  await post(activity('personal-message', { text: question }));
  await post(activity('personal-message', { text: 'talk to a person' }));
  const offer = connector.messages().find((m) => /escalation:send/.test(JSON.stringify(cardOf(m))))!;
  const card = cardOf(offer)!;
  const json = JSON.stringify(card);
  // No TextBlock (which Teams reads as Markdown) carries the person's words; a TextRun does, defanged.
  const markdown = elementsOf(card).filter((e) => e.type === 'TextBlock');
  expect(markdown.some((e) => String(e.text).includes('evil'))).toBe(false);
  const runs = elementsOf(card)
    .filter((e) => e.type === 'RichTextBlock')
    .flatMap((e) => (e.inlines as Array<{ type: string; text: string }>).map((run) => run.text));
  expect(runs).toContainEqual(
    expect.stringContaining('"[Read the new policy](https[:]//evil.example/policy) *urgent* pizza?"'),
  );
  expect(json).not.toMatch(/[\u202a-\u202e\u2066-\u2069]|https:\/\/evil/);
});
