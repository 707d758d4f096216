import fc from 'fast-check';
import nock from 'nock';
import { loadBot } from '../../../src/core/load-bot';
import type { Reply } from '../../../src/core/types';
import { startServer, type RunningServer } from '../../../src/server/serve';
import {
  cardOf,
  cardTexts,
  fixture,
  postActivity,
  startFakeConnector,
  submitButtons,
  type FakeConnector,
} from './fake-connector';

const LOCAL_ENV = { PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' };
// The same knowledge the server loads: expectations come from the core, not from copied answers.
const reference = loadBot().bot;
let turn = 0;

/** The core's replies to the last of `inputs` in a fresh conversation: the answer first, then any notes. */
async function expectedReplies(...inputs: Array<{ text?: string; choice?: string }>): Promise<Reply[]> {
  const conversation = `reference-${++turn}`;
  let replies: Reply[] = [];
  for (const input of inputs)
    replies = await reference.handle({ channel: 'teams', conversation, user: 'u', ...input });
  return replies;
}

async function expected(...inputs: Array<{ text?: string; choice?: string }>): Promise<Reply> {
  return (await expectedReplies(...inputs))[0]!;
}

let server: RunningServer;
let connector: FakeConnector;
let nextId = 0;

/** A fixture addressed to the fake connector, with a fresh activity id. */
function activity(
  name: string,
  overrides: Record<string, unknown> = {},
  values: Record<string, string> = {},
) {
  return fixture(
    name,
    { serviceUrl: connector.url, ...values },
    { id: `activity-${++nextId}`, ...overrides },
  );
}

beforeEach(async () => {
  connector = await startFakeConnector();
  server = await startServer({ env: LOCAL_ENV });
});

// Take nock's interceptor off Node's http, so test files that run later in this worker get the real one.
afterAll(() => nock.restore());

afterEach(async () => {
  await server.close();
  await connector.close();
});

describe('Teams: conversations in local mode (no app id, loopback connector)', () => {
  test('a personal message is answered with a card quoting the guideline, and plain text', async () => {
    const question = fixture('personal-message', { serviceUrl: connector.url }).text as string;
    const [reply, ...notes] = await expectedReplies({ text: question });
    expect(reply!.passages.length).toBeGreaterThan(0);

    const res = await postActivity(server, activity('personal-message'));

    expect(res.status).toBe(200);
    // The answer comes at once: no typing indicator first (that is for slow answers; see teams-flows).
    expect(connector.calls.some((c) => c.body.type === 'typing')).toBe(false);
    const [message, ...more] = connector.messages();
    // What follows the answer comes in the core's order: a check the question starts, as a card with its
    // choices, and the bot's own notes (the collection notice on first contact) as plain messages.
    expect(more).toHaveLength(notes.length);
    notes.forEach((note, i) => {
      if (note.kind === 'dialog') expect(submitButtons(cardOf(more[i]!))).toHaveLength(note.choices.length);
      else
        expect({ text: more[i]!.body.text, card: cardOf(more[i]!) }).toEqual({
          text: note.text,
          card: undefined,
        });
    });
    expect(message?.path).toMatch(/^\/v3\/conversations\/a%3A1Xh2.*\/activities\/activity-\d+$/);
    expect(message?.body.text).toBe(reply!.intro);
    expect(message?.body.textFormat).toBe('plain');
    const card = cardOf(message!);
    expect(card?.version).toBe('1.5');
    const texts = cardTexts(card);
    for (const passage of reply!.passages) {
      expect(texts).toContain(passage.text);
      expect(
        texts.some((t) => t.includes(passage.citation.label) && t.includes(passage.citation.version)),
      ).toBe(true);
      expect(String(card?.fallbackText)).toContain(passage.text);
    }
    for (const contact of reply!.contacts) expect(texts.some((t) => t.includes(contact.name))).toBe(true);
  });

  test('a channel message that @mentions the bot is read without the mention and answered in the thread', async () => {
    const question = 'who approves a new social media project?';
    const reply = await expected({ text: question });

    const res = await postActivity(server, activity('channel-mention'));

    expect(res.status).toBe(200);
    expect(connector.calls.some((c) => c.body.type === 'typing')).toBe(false); // Teams shows none in channels
    const [message] = connector.messages();
    expect(message?.path).toContain(
      encodeURIComponent('19:8c0d3f7a2b1e4c9d8e7f6a5b4c3d2e1f@thread.tacv2;messageid='),
    );
    expect(cardTexts(cardOf(message!))).toEqual(expect.arrayContaining(reply.passages.map((p) => p.text)));
  });

  test('"@GuideBot help" in a channel gets the help reply: the mention is not part of the question', async () => {
    const help = await expectedReplies({ text: 'help' });
    expect(help[0]!.kind).toBe('smalltalk');

    await postActivity(server, activity('channel-mention', { text: '<at>GuideBot</at> help' }));

    expect(connector.messages().map((m) => m.body.text)).toEqual(help.map((r) => r.text));
  });

  test('a channel message that does not mention the bot is ignored', async () => {
    const res = await postActivity(server, activity('channel-mention', { text: 'help', entities: [] }));

    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(0);
  });

  test('clicking a card button (activity.value) selects the choice, as typing its label does', async () => {
    await postActivity(server, activity('personal-message', { text: 'policy' }));
    const offered = cardOf(connector.messages()[0]!);
    const [button] = submitButtons(offered);
    expect(button).toBeDefined();
    const picked = await expected({ text: 'policy' }, { choice: button!.data.guidebot.choice });
    expect(picked.passages.length).toBeGreaterThan(0);

    const clicked = activity('card-submit', { value: button!.data, replyToId: 'bot-message-1' });
    let mark = connector.messages().length;
    expect((await postActivity(server, clicked)).status).toBe(200);
    const afterClick = connector.messages()[mark]!;
    expect(cardTexts(cardOf(afterClick))).toEqual(expect.arrayContaining(picked.passages.map((p) => p.text)));

    // A second conversation types the button's label instead.
    const other = { id: 'a:typed-label-conversation' };
    await postActivity(server, activity('personal-message', { text: 'policy', conversation: other }));
    mark = connector.messages().length;
    await postActivity(server, activity('personal-message', { text: button!.title, conversation: other }));
    const afterTyping = connector.messages()[mark]!;
    expect(cardTexts(cardOf(afterTyping))).toEqual(cardTexts(cardOf(afterClick)));
  });

  test('installing the bot greets once with the welcome, however many install events arrive', async () => {
    const welcome = reference.welcome();

    await postActivity(server, activity('install'));
    await postActivity(server, activity('install'));
    await postActivity(
      server,
      activity('install', { type: 'installationUpdate', action: 'add', membersAdded: [] }),
    );

    // One greeting: the welcome's words, with the guided dialogs as buttons.
    const messages = connector.messages();
    expect(messages).toHaveLength(1);
    const card = cardOf(messages[0]!);
    expect(submitButtons(card).map((b) => b.data.guidebot.choice)).toEqual(welcome.choices.map((c) => c.id));
    const shown = [String(messages[0]!.body.text), ...cardTexts(card)].join('\n');
    expect(shown).toContain(welcome.intro!.split('\n\n')[0]);
  });

  test('someone else joining a conversation is not greeted', async () => {
    const install = activity('install');
    await postActivity(server, { ...install, membersAdded: [{ id: '29:someone-else' }] });

    expect(connector.calls).toHaveLength(0);
  });

  test('a connector retry of the same activity is answered once', async () => {
    const message = activity('personal-message', { text: 'help' });
    await postActivity(server, message);
    const answered = connector.messages().length;
    await postActivity(server, message);

    expect(answered).toBeGreaterThan(0);
    expect(connector.messages()).toHaveLength(answered);
  });
});

describe('Teams: refused requests', () => {
  test('local mode refuses an activity whose serviceUrl is not loopback with 401, and nothing leaves', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
    const outside = nock(/attacker\.example/)
      .persist()
      .post(/.*/)
      .reply(200, {});
    try {
      for (const serviceUrl of [
        'https://attacker.example/',
        'http://127.0.0.1.attacker.example/',
        'http://localhost@attacker.example/',
        'file:///etc/passwd',
      ]) {
        const res = await postActivity(server, activity('personal-message', { serviceUrl }));
        expect(res.status).toBe(401);
      }
      const missing = activity('personal-message');
      delete missing.serviceUrl;
      expect((await postActivity(server, missing)).status).toBe(401);
      expect(outside.isDone()).toBe(false);
      expect(connector.calls).toHaveLength(0);
    } finally {
      nock.cleanAll();
      nock.enableNetConnect();
    }
  });

  test('malformed JSON and bodies that are not activities get 400', async () => {
    expect((await postActivity(server, '{"type": "message",')).status).toBe(400);
    expect((await postActivity(server, '[]')).status).toBe(400);
    expect((await postActivity(server, { text: 'no type' })).status).toBe(400);
    expect(connector.calls).toHaveLength(0);
  });

  test('a body over the limit gets 413', async () => {
    const huge = activity('personal-message', { text: 'x'.repeat(300 * 1024) });
    expect((await postActivity(server, huge)).status).toBe(413);
    expect(connector.calls).toHaveLength(0);
  });

  test('with an app id set, a request without a token gets 401 and nothing is sent', async () => {
    const secured = await startServer({
      env: {
        ...LOCAL_ENV,
        MicrosoftAppId: '00000000-0000-0000-0000-00000000b07e',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: '3c1a2b4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      },
    });
    try {
      expect((await postActivity(secured, activity('personal-message'))).status).toBe(401);
      const forged = { authorization: 'Bearer not.a.token' };
      expect((await postActivity(secured, activity('personal-message'), forged)).status).toBe(401);
      expect(connector.calls).toHaveLength(0);
    } finally {
      await secured.close();
    }
  });
});

describe('Teams: untrusted input', () => {
  test('any JSON body gets 400 or 401 in local mode, never a 500, and nothing is sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await postActivity(server, JSON.stringify(body));
        expect([400, 401]).toContain(res.status);
      }),
      { numRuns: 100 },
    );
    expect(connector.calls).toHaveLength(0);
  });

  test('activities with wrongly typed fields get 400; any message text gets an answer with text', async () => {
    const broken = [
      { conversation: 'a:1' },
      { text: 42 },
      { entities: 'mention' },
      { from: { id: 7 } },
      { channelId: '' },
    ];
    for (const overrides of broken)
      expect((await postActivity(server, activity('personal-message', overrides))).status).toBe(400);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        const before = connector.messages().length;
        const res = await postActivity(
          server,
          activity('channel-mention', { text: `<at>GuideBot</at> ${text}` }),
        );
        expect(res.status).toBe(200);
        for (const message of connector.messages().slice(before))
          expect(String(message.body.text).length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('Teams: start-up', () => {
  test('in production with no app id the channel is off, and the reason names the variables to set', async () => {
    const production = await startServer({ env: { ...LOCAL_ENV, NODE_ENV: 'production' } });
    try {
      const teams = production.setups.find((s) => s.name === 'teams');
      expect(teams?.enabled).toBe(false);
      const reason = teams && !teams.enabled ? teams.reason : '';
      for (const variable of [
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'MicrosoftAppType',
        'MicrosoftAppTenantId',
      ])
        expect(reason).toContain(variable);
      expect((await postActivity(production, activity('personal-message'))).status).toBe(404);
    } finally {
      await production.close();
    }
  });

  test('an invalid MicrosoftAppType stops start-up, naming the variable and the fix', async () => {
    await expect(
      startServer({
        env: {
          ...LOCAL_ENV,
          MicrosoftAppId: '6d2d3a1b-4c5e-4f60-8a7b-9c0d1e2f3a4b',
          MicrosoftAppType: 'Everyone',
        },
      }),
    ).rejects.toThrow(/MicrosoftAppType: .*SingleTenant/);
  });

  test('a SingleTenant app without its tenant id stops start-up', async () => {
    const env = {
      ...LOCAL_ENV,
      MicrosoftAppId: '6d2d3a1b-4c5e-4f60-8a7b-9c0d1e2f3a4b',
      MicrosoftAppPassword: 'y',
      MicrosoftAppType: 'SingleTenant',
    };
    await expect(startServer({ env })).rejects.toThrow(/MicrosoftAppTenantId/);
  });
});
