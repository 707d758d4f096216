import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { loadBot } from '../../../src/core/load-bot';
import type { Reply } from '../../../src/core/types';
import type { WebReply } from '../../../src/adapters/web/render';
import { webSetup } from '../../../src/adapters/web';
import { removeTempDirs } from '../../helpers/knowledge-copy';
import { ANSWERABLE, pickQuestion, postTurn, startTestServer, VAGUE, type TestServer } from './web-server';

// The web chat's JSON endpoint and page, as the browser uses them, over real HTTP into the real server.
let server: TestServer;
let expected: { answered: { question: string; reply: Reply }; vague: { question: string; reply: Reply } };
let didYouMean: string;

const newConversation = (): string => randomBytes(12).toString('hex');

beforeAll(async () => {
  server = await startTestServer({}, [webSetup]);
  const { bot, index } = loadBot({ indexPath: server.indexPath });
  didYouMean = index.kb.messages.didYouMean;
  expected = {
    answered: await pickQuestion(bot, ANSWERABLE, (r) => r.kind === 'answer' && r.passages.length > 0),
    vague: await pickQuestion(bot, VAGUE, (r) => r.kind === 'fallback' && r.choices.length > 0),
  };
});
afterAll(async () => {
  await server.running.close();
  removeTempDirs();
});

const replies = (json: unknown): WebReply[] => (json as { replies: WebReply[] }).replies;

describe('POST /api/web/turn', () => {
  it("carries the decision record as Markdown in the outcome reply's `record` field (issue 16 item 18)", async () => {
    const conversation = newConversation();
    await postTurn(server.url, { conversation, text: 'records' });
    const { status, json } = await postTurn(server.url, { conversation, text: 'yes' });
    expect(status).toBe(200);
    const outcome = replies(json).find((r) => r.dialog?.ended);
    expect(outcome?.record).toContain('# Decision record: Do I need to keep this?');
    expect(outcome?.record).toContain(
      '1. Affects a decision or policy, or documents advice, a transaction or operations? Yes',
    );
    expect(outcome?.record).toContain('## Outcome: Record and file it');
    expect(outcome?.intro).not.toContain('Record id');
  });

  it('answers a question with the quoted passages and their citations', async () => {
    const { status, json } = await postTurn(server.url, {
      conversation: newConversation(),
      text: expected.answered.question,
    });
    expect(status).toBe(200);
    // A first turn also carries the collection notice: find the answer among the replies.
    const reply = replies(json).find((r) => r.kind === 'answer');
    expect(reply?.kind).toBe('answer');
    expect(reply?.passages).toEqual(expected.answered.reply.passages);
    for (const passage of reply?.passages ?? []) {
      expect(passage.citation.label).not.toBe('');
      expect(passage.citation.version).not.toBe('');
    }
    expect(reply?.feedbackChoices).toEqual(
      reply?.feedback
        ? [
            { id: 'feedback:helpful', label: 'Helpful' },
            { id: 'feedback:not-helpful', label: 'Not helpful' },
          ]
        : [],
    );
  });

  it('offers "did you mean" sections under their heading, and a clicked one is answered from that section', async () => {
    const conversation = newConversation();
    const turn = await postTurn(server.url, { conversation, text: expected.vague.question });
    const first = replies(turn.json).find((r) => r.kind === 'fallback');
    expect(first?.kind).toBe('fallback');
    expect(first?.choicesHeading).toBe(didYouMean);
    expect(first?.contacts.some((c) => c.email)).toBe(true);
    const choice = first!.choices[0]!;
    const { status, json } = await postTurn(server.url, { conversation, choice: choice.id });
    expect(status).toBe(200);
    const picked = replies(json).find((r) => r.passages.length > 0);
    expect(picked?.passages.length).toBeGreaterThan(0);
    expect(picked?.citations.map((c) => c.label)).toContain(choice.label);
  });

  it.each([
    ['not JSON', '{"conversation": ', 'body'],
    ['a JSON array', '[]', 'body'],
    ['no conversation', { text: 'hello' }, 'conversation'],
    ['a short conversation id', { conversation: 'abc', text: 'hello' }, 'conversation'],
    [
      'a conversation id with markup',
      { conversation: '<script>alert(1)</script>', text: 'hello' },
      'conversation',
    ],
    ['neither text nor choice', { conversation: 'abcdefgh1234' }, 'body'],
    ['both text and choice', { conversation: 'abcdefgh1234', text: 'hello', choice: 'section:x' }, 'body'],
    ['an empty text', { conversation: 'abcdefgh1234', text: '' }, 'text'],
    ['text that is a number', { conversation: 'abcdefgh1234', text: 42 }, 'text'],
    ['an unknown field', { conversation: 'abcdefgh1234', text: 'hello', user: 'Jane Doe' }, 'body'],
    ['text over 2000 characters', { conversation: 'abcdefgh1234', text: 'hello'.repeat(401) }, 'text'],
  ])('refuses %s with 400, naming the field without echoing the message', async (_name, body, field) => {
    const { status, json } = await postTurn(server.url, body);
    expect(status).toBe(400);
    const { error } = json as { error: string };
    expect(error.startsWith(`${field}: `)).toBe(true);
    expect(error).not.toContain('hello');
    expect(error).not.toContain('Jane');
    expect(error).not.toContain('<script>');
  });

  it('refuses a body over 16 KiB with 413', async () => {
    const { status } = await postTurn(server.url, {
      conversation: 'abcdefgh1234',
      text: 'x'.repeat(17 * 1024),
    });
    expect(status).toBe(413);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses Content-Type %s with 415 (a cross-site form cannot post a turn)',
    async (type) => {
      const { status } = await postTurn(server.url, { conversation: 'abcdefgh1234', text: 'hi' }, type);
      expect(status).toBe(415);
    },
  );

  it('accepts JSON with a charset parameter', async () => {
    const body = { conversation: newConversation(), text: 'hello' };
    expect((await postTurn(server.url, body, 'application/json; charset=utf-8')).status).toBe(200);
  });

  it('keeps message text out of the logs', async () => {
    const secret = 'my neighbour Zebulon Quackenbush posted about the court case';
    expect((await postTurn(server.url, { conversation: newConversation(), text: secret })).status).toBe(200);
    expect(server.logs.join('')).toContain('"channel":"web"');
    expect(server.logs.join('')).not.toContain('Quackenbush');
  });
});

describe('GET /api/web/welcome', () => {
  it("returns the bot's welcome reply", async () => {
    const response = await fetch(`${server.url}/api/web/welcome`);
    expect(response.status).toBe(200);
    const { bot } = loadBot({ indexPath: server.indexPath });
    const [welcome] = replies(await response.json());
    expect(welcome?.text).toBe(bot.welcome().text);
    expect(welcome?.choices).toEqual(bot.welcome().choices);
  });
});

describe('the page', () => {
  it('GET / serves the chat page with a strict Content-Security-Policy and nosniff', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'(;|$)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toMatch(/<main[\s>]/);
    expect(html).toContain('<label for="message">');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('name="viewport"');
  });

  it.each([
    ['/static/chat.js', 'text/javascript; charset=utf-8'],
    ['/static/chat.css', 'text/css; charset=utf-8'],
    ['/static/icon.svg', 'image/svg+xml'],
  ])('serves %s as %s, with the same headers', async (path, type) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.text()).length).toBeGreaterThan(50);
  });

  it('the script never writes HTML', async () => {
    const script = await (await fetch(`${server.url}/static/chat.js`)).text();
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it.each([
    ['a Host header naming another site (DNS rebinding)', { host: 'attacker.example:80' }],
    ['an Origin from another site', { origin: 'http://attacker.example' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/`, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
