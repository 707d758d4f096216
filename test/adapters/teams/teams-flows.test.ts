import { teamsSetup } from '../../../src/adapters/teams';
import { LABELS } from '../../../src/adapters/teams/labels';
import type { Env } from '../../../src/config';
import type { Bot } from '../../../src/core/bot';
import { loadBot } from '../../../src/core/load-bot';
import type { Reply } from '../../../src/core/types';
import { FEEDBACK_CHOICES } from '../../../src/core/types';
import type { TurnJournal } from '../../../src/core/state/turn-journal';
import type { ChannelContext, ChannelSetup } from '../../../src/server/channel';
import { startServer, type RunningServer } from '../../../src/server/serve';
import {
  cardOf,
  cardTexts,
  fixture,
  postActivity,
  startFakeConnector,
  submitButtons,
  type ConnectorCall,
  type FakeConnector,
} from './fake-connector';

const ENV = { PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' };
const { bot: realBot, index } = loadBot();

/** The Teams set-up with what the server gives it changed by `change`: the adapter under test stays real. */
function withContext(change: (context: ChannelContext) => ChannelContext): (env: Env) => ChannelSetup {
  return (env) => {
    const setup = teamsSetup(env);
    if (!setup.enabled) return setup;
    return { ...setup, create: (context) => setup.create(change(context)) };
  };
}

/** The Teams set-up with the core swapped for `change(core)`. */
const withBot = (change: (core: Bot) => Bot) =>
  withContext((context) => ({ ...context, bot: change(context.bot) }));

function reply(fields: Partial<Reply> & Pick<Reply, 'kind' | 'text'>): Reply {
  return { passages: [], citations: [], choices: [], contacts: [], ...fields };
}

// A two-step dialog in the shape the core's guided dialogs use (reply.dialog, choices, an ended outcome).
const STEP_ONE = reply({
  kind: 'dialog',
  text: 'Privacy check\n\nDoes the content contain personal information?\n\n1. Yes\n2. No\n3. Not sure',
  intro: 'Does the content contain personal information?',
  choices: [
    { id: 'privacy:pi:yes', label: 'Yes' },
    { id: 'privacy:pi:no', label: 'No' },
    { id: 'privacy:pi:not-sure', label: 'Not sure' },
  ],
  dialog: { id: 'privacy', title: 'Privacy check', ended: false },
});
const OUTCOME = reply({
  kind: 'dialog',
  text: 'Privacy check\n\nFOIPPA does not apply.',
  intro: 'FOIPPA does not apply; still check intellectual property, copyright and confidentiality.',
  dialog: { id: 'privacy', title: 'Privacy check', ended: true },
  feedback: true,
});
const dialogBot: Bot = {
  handle: async (inbound) => [inbound.choice?.startsWith('privacy:') ? OUTCOME : STEP_ONE],
  welcome: () => realBot.welcome(),
};

let connector: FakeConnector;
let server: RunningServer;
let nextId = 0;

async function start(change: (core: Bot) => Bot, env: Record<string, string> = {}): Promise<void> {
  server = await startServer({ env: { ...ENV, ...env }, setups: [withBot(change)] });
}

function activity(name: string, overrides: Record<string, unknown> = {}) {
  return fixture(name, { serviceUrl: connector.url }, { id: `flow-${++nextId}`, ...overrides });
}

beforeEach(async () => {
  connector = await startFakeConnector();
});

afterEach(async () => {
  await server?.close();
  await connector.close();
});

test('a dialog step answering a click on its card replaces that card; the ended card stops replacing', async () => {
  await start(() => dialogBot);
  await postActivity(server, activity('personal-message', { text: 'privacy check' }));
  const [question] = connector.messages();
  const buttons = submitButtons(cardOf(question!));
  expect(buttons.map((b) => b.title)).toEqual(['Yes', 'No', 'Not sure']);
  expect(buttons.every((b) => b.data.guidebot.dialog === 'privacy')).toBe(true);
  expect(question!.body.text).toBe(STEP_ONE.intro);

  const click = activity('card-submit', { value: buttons[1]!.data, replyToId: question!.returnedId });
  await postActivity(server, click);

  const update = connector.calls.at(-1)!;
  expect(update.method).toBe('PUT');
  expect(update.path).toMatch(new RegExp(`/activities/${question!.returnedId}$`));
  expect(update.body.text).toBe(OUTCOME.intro);
  expect(cardTexts(cardOf(update))).toContain('Privacy check');
  expect(connector.messages().filter((m) => m.method === 'POST')).toHaveLength(1);

  // The outcome's feedback buttons carry no dialog: a click there is a new turn, answered as a new message.
  const feedback = submitButtons(cardOf(update));
  expect(feedback.map((b) => b.data.guidebot.choice)).toEqual([
    FEEDBACK_CHOICES.helpful.id,
    FEEDBACK_CHOICES.notHelpful.id,
  ]);
  expect(feedback.every((b) => b.data.guidebot.dialog === undefined)).toBe(true);
  await postActivity(
    server,
    activity('card-submit', { value: feedback[0]!.data, replyToId: question!.returnedId }),
  );
  expect(connector.calls.at(-1)!.method).toBe('POST');
});

test('where the client refuses to update text and card together, the card alone replaces the clicked card', async () => {
  await start(() => dialogBot);
  await postActivity(server, activity('personal-message', { text: 'privacy check' }));
  const question = connector.messages()[0]!;
  const [button] = submitButtons(cardOf(question));
  connector.failNextMessages(1, 400);

  await postActivity(
    server,
    activity('card-submit', { value: button!.data, replyToId: question.returnedId }),
  );

  const [refused, update] = connector.calls.filter((c) => c.method === 'PUT');
  expect(refused?.body.text).toBe(OUTCOME.intro);
  expect(update?.path).toBe(refused?.path);
  expect(update?.body.text).toBeUndefined();
  expect(cardTexts(cardOf(update!))[0]).toBe(OUTCOME.intro);
  expect(connector.messages().filter((m) => m.method === 'POST')).toHaveLength(1);
});

test('where every update is refused, the dialog step is sent as a new message', async () => {
  await start(() => dialogBot);
  await postActivity(server, activity('personal-message', { text: 'privacy check' }));
  const [button] = submitButtons(cardOf(connector.messages()[0]!));
  connector.failNextMessages(2);

  await postActivity(server, activity('card-submit', { value: button!.data, replyToId: 'gone-message' }));

  const last = connector.calls.at(-1)!;
  expect(last.method).toBe('POST');
  expect(last.body.text).toBe(OUTCOME.intro);
});

test('a message is acknowledged before it is answered, and shutdown waits for the answer to be sent', async () => {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await start((core) => ({
    ...core,
    handle: async (inbound) => {
      await gate;
      return core.handle(inbound);
    },
  }));
  // A bare URL: the helper does not wait for the turn, as the connector does not.
  const res = await postActivity(
    server.url,
    activity('personal-message', { text: 'can we talk about court cases with the public?' }),
  );
  expect(res.status).toBe(200);
  expect(connector.messages()).toHaveLength(0);
  const closed = server.close();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(connector.messages()).toHaveLength(0);
  release();
  await closed;
  expect(cardTexts(cardOf(connector.messages()[0]!)).join('\n')).toContain('matters before the courts');
});

test('past MAX_TURNS_IN_FLIGHT unanswered turns, a message gets 503 with Retry-After, and is taken again later', async () => {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await start(
    (core) => ({
      ...core,
      handle: async (inbound) => {
        await gate;
        return core.handle(inbound);
      },
    }),
    { MAX_TURNS_IN_FLIGHT: '1' },
  );
  const ask = (id: string) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        activity('personal-message', { id, text: 'can we talk about court cases with the public?' }),
      ),
    });
  expect((await ask('first')).status).toBe(200);
  const refused = await ask('second');
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('1');
  release();
  await server.settled();
  const answeredTo = () => connector.messages().map((m) => m.body.replyToId);
  expect(answeredTo()).toContain('first');
  expect(answeredTo()).not.toContain('second');
  // The connector's second try, once the first turn is answered, is taken and answered.
  expect((await ask('second')).status).toBe(200);
  await server.settled();
  expect(answeredTo()).toContain('second');
});

test('an answer slower than half a second is preceded by the typing indicator', async () => {
  await start((core) => ({
    ...core,
    handle: async (inbound) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      return core.handle(inbound);
    },
  }));
  await postActivity(
    server,
    activity('personal-message', { text: 'can we talk about court cases with the public?' }),
  );
  const types = connector.calls.map((c) => c.body.type);
  expect(types[0]).toBe('typing');
  expect(types.filter((t) => t === 'typing')).toHaveLength(1);
  expect(types.slice(1).every((t) => t === 'message')).toBe(true);
});

describe('when the Bot Connector fails', () => {
  const QUESTION = 'can we talk about court cases with the public?';
  const answerText = (post: ConnectorCall): string => cardTexts(cardOf(post)).join('\n');

  test('a throttled reply (429 with Retry-After) is sent again after the wait, and arrives once', async () => {
    await start((core) => core);
    connector.failNextMessages(2, 429, 1);
    const started = Date.now();
    const res = await postActivity(server, activity('personal-message', { text: QUESTION }));
    expect(res.status).toBe(200);
    // The answer three times (two refused), then the collection notice once.
    const posts = connector.messages();
    expect(posts).toHaveLength(4);
    expect(posts.slice(0, 3).map(answerText)).toEqual(Array(3).fill(answerText(posts[0]!)));
    expect(answerText(posts[2]!)).toContain('matters before the courts');
    expect(posts[3]!.body.text).toMatch(/^About your privacy/);
    // Two waits of the second the connector asked for.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  }, 20_000);

  test('a connector that keeps failing gets the retries, then the contact fallback is tried', async () => {
    await start((core) => core);
    connector.failNextMessages(4, 503, 0);
    const res = await postActivity(server, activity('personal-message', { text: QUESTION }));
    expect(res.status).toBe(200);
    const posts = connector.messages();
    // The answer: the first try and three retries, all refused; then the fallback, which goes through.
    expect(posts).toHaveLength(5);
    expect(answerText(posts[0]!)).toContain('matters before the courts');
    expect(posts[4]!.body.text).toMatch(
      /^Sorry, something went wrong on my side.*citizenengagement@gov\.bc\.ca/,
    );
  }, 30_000);
});

describe('a privacy or incident question asked in a channel', () => {
  const sensitive = (core: Bot): Bot => ({
    handle: async (inbound) => (await core.handle(inbound)).map((r) => ({ ...r, sensitive: true })),
    welcome: () => core.welcome(),
  });

  test('is answered in full in a personal chat, with a short note in the channel', async () => {
    await start(sensitive);
    const mention = activity('channel-mention', {
      text: '<at>GuideBot</at> can I post a photo of a member of the public?',
    });
    await postActivity(server, mention);

    const create = connector.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(create?.body).toMatchObject({
      isGroup: false,
      members: [{ id: (mention.from as { id: string }).id }],
      tenantId: '3c1a2b4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    });
    const messages = connector.messages();
    const personal = messages.filter((m) => m.path.includes(encodeURIComponent('a:personal-chat-with-alex')));
    const expected = (
      await realBot.handle({
        channel: 'teams',
        conversation: 'ref',
        user: 'u',
        text: 'can I post a photo of a member of the public?',
      })
    )[0]!;
    expect(cardTexts(cardOf(personal[0]!))).toEqual(
      expect.arrayContaining(expected.passages.map((p) => p.text)),
    );
    const inChannel = messages.filter((m) => m.path.includes('thread.tacv2'));
    expect(inChannel.map((m) => m.body.text)).toEqual([LABELS.movedToPersonal]);
    expect(inChannel.some((m) => cardOf(m))).toBe(false);
  });

  test('gets an invitation to a personal chat where the bot cannot open one', async () => {
    await start(sensitive);
    connector.refuseNewConversations(403);
    await postActivity(server, activity('channel-mention'));

    expect(connector.messages().map((m) => m.body.text)).toEqual([LABELS.invitePersonal]);
  });

  test('in a personal chat, is simply answered there', async () => {
    await start(sensitive);
    await postActivity(server, activity('personal-message'));

    expect(connector.calls.some((c) => c.path === '/v3/conversations')).toBe(false);
    expect(cardOf(connector.messages()[0]!)).toBeDefined();
  });
});

test('a failure inside the turn replies with the Citizen Engagement contact, never the error', async () => {
  await start(() => ({
    handle: async () => {
      throw new Error('store exploded at /srv/guidebot/secret.ts:12');
    },
    welcome: () => realBot.welcome(),
  }));
  const res = await postActivity(server, activity('personal-message'));

  expect(res.status).toBe(200);
  const { contacts } = index.kb;
  const help = contacts.contacts.find((c) => c.id === contacts.fallback)!;
  const [message] = connector.messages();
  expect(message?.body.text).toContain(help.email!);
  expect(JSON.stringify(message?.body)).not.toMatch(/exploded|secret\.ts|\n\s+at /);
});

test('a turn adopted from a stopped replica whose answer fails still gets the person the contact', async () => {
  // Another replica acknowledged this message and stopped before answering; its note waits in the journal.
  const reference = {
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversation: { id: 'a:adopted-conversation' },
    activityId: 'taken-by-a-stopped-replica',
  };
  const inbound = {
    channel: 'teams',
    conversation: 'a:adopted-conversation',
    user: 'u-1',
    text: 'a question',
  };
  const orphan = {
    id: 'teams:a:adopted-conversation:taken-by-a-stopped-replica',
    payload: JSON.stringify({ reference, turn: { inbound, shared: false } }),
  };
  let waiting = [orphan];
  const journal: TurnJournal = {
    checkEveryMs: 20,
    begin: async () => undefined,
    end: async () => undefined,
    adoptOrphans: async (prefix) => {
      const adopted = waiting.filter((entry) => entry.id.startsWith(prefix));
      waiting = [];
      return adopted;
    },
    stop: () => undefined,
  };
  const failing: Bot = {
    handle: async () => {
      throw new Error('store exploded');
    },
    welcome: () => realBot.welcome(),
  };
  const setup = withContext((context) => ({
    ...context,
    bot: failing,
    store: { ...context.store, journal },
  }));
  server = await startServer({ env: ENV, setups: [setup] });

  const [message] = await connector.waitForMessages(1);
  const help = index.kb.contacts.contacts.find((c) => c.id === index.kb.contacts.fallback)!;
  expect(message?.path).toContain('a%3Aadopted-conversation');
  expect(message?.body.text).toContain(help.email!);
  expect(message?.body.replyToId).toBe('taken-by-a-stopped-replica');
});
