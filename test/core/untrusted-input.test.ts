import path from 'node:path';
import fc from 'fast-check';
import { loadBot, type LoadedBot } from '../../src/core/load-bot';
import type { Reply, ReplyKind } from '../../src/core/types';
import { makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';

// User text is never trusted: whatever is typed, the bot replies with something a person can read.
let loaded: LoadedBot;
beforeAll(() => {
  loaded = loadBot({ indexPath: path.join(makeTempDir('untrusted'), 'index.json') });
});
afterAll(removeTempDirs);

const KINDS: Record<ReplyKind, true> = { answer: true, fallback: true, dialog: true, smalltalk: true };
let conversations = 0;

async function send(text: string, conversation = `untrusted-${++conversations}`): Promise<Reply[]> {
  return loaded.bot.handle({ channel: 'console', conversation, user: 'u', text });
}

function expectReadable(replies: Reply[]): void {
  expect(replies.length).toBeGreaterThanOrEqual(1);
  for (const reply of replies) {
    expect(Object.keys(KINDS)).toContain(reply.kind);
    expect(reply.text.trim()).not.toBe('');
    expect(Array.isArray(reply.citations) && Array.isArray(reply.choices)).toBe(true);
  }
}

const words10k = Array.from({ length: 10_000 }, (_, i) => ['privacy', 'tweet', 'zqx', `w${i}`][i % 4]).join(
  ' ',
);

const inputs: [string, string][] = [
  ['Lunr query syntax', '+foo -bar title:x ~2 ^10 * "quoted'],
  ['Lunr syntax on guideline words', '+privacy -records title:approvals section:privacy~1 pia^10 photo*'],
  ['a lone *', '*'],
  ['a lone :', ':'],
  ['a lone ~', '~'],
  ['a lone ^', '^'],
  ['control characters', '\u0007\u001b[31mprivacy\u001b[0m\b\u007f\u0085'],
  ['NUL bytes', 'privacy\u0000\u0000 impact\u0000'],
  ['only NUL bytes', '\u0000'.repeat(64)],
  ['emoji', '😀🔥 can I post 👍🏽 pics? 👨‍👩‍👧'],
  ['RTL text', 'שלום עולם مرحبا بالعالم \u202eprivacy\u202c'],
  ['a lone surrogate', 'privacy \ud800 tweet \udfff'],
  ['an empty string', ''],
  ['whitespace only', ' \t\n\r\u00a0\u2003 '],
  ['object property names', 'constructor __proto__ toString hasOwnProperty valueOf'],
  ['a 1 MB string of one letter', 'x'.repeat(1 << 20)],
  ['a 1 MB string of words', 'may I post photos of people '.repeat(Math.ceil((1 << 20) / 28))],
  ['a string of 10,000 words', words10k],
];

describe('bot.handle with untrusted text', () => {
  it.each(inputs)('replies with readable text to %s', async (_name, text) => {
    expectReadable(await send(text));
  });

  it('replies to a turn with no text at all', async () => {
    expectReadable(await loaded.bot.handle({ channel: 'console', conversation: 'no-text', user: 'u' }));
  });

  it('replies to a clicked choice id that was never offered', async () => {
    const inbound = {
      channel: 'console',
      conversation: 'bad-choice',
      user: 'u',
      choice: 'section:__proto__',
    } as const;
    expectReadable(await loaded.bot.handle(inbound));
  });

  it('replies with text to any string (fast-check)', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom(
          '+',
          '-',
          '*',
          ':',
          '~',
          '^',
          '"',
          '\\',
          '(',
          ')',
          'title:',
          'privacy',
          '1',
          ' ',
          '\u0000',
        ),
        maxLength: 60,
      }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => expectReadable(await send(t))),
      { numRuns: 300 },
    );
  });

  it('replies with text to every turn of any conversation (fast-check)', async () => {
    const turn = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.constantFrom('1', '2', '3', 'privacy'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(turn, { minLength: 1, maxLength: 4 }), async (turns) => {
        const conversation = `property-${++conversations}`;
        for (const t of turns) expectReadable(await send(t, conversation));
      }),
      { numRuns: 200 },
    );
  });
});
