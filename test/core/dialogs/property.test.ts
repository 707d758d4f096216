import fc from 'fast-check';
import { choiceIds } from '../../../src/core/dialogs/choice-ids';
import { FEEDBACK_CHOICES, type Reply } from '../../../src/core/types';
import { removeTempDirs } from '../../helpers/knowledge-copy';
import { createTestBot, realIndex } from './bot-helpers';

// Whatever sequence of turns arrives (clicks, numbers, labels, garbage, control characters, huge text),
// the bot never throws, always replies with readable text, and keeps plain JSON state.
afterAll(removeTempDirs);

type Turn =
  | { type: 'click'; pick: number }
  | { type: 'type-label'; pick: number }
  | { type: 'text'; text: string }
  | { type: 'raw-choice'; id: string };

const dialogIds = realIndex().kb.dialogs.map((d) => d.id);
const words = [
  'yes',
  'y',
  'no',
  'n',
  'not sure',
  'back',
  'start over',
  'cancel',
  'dialogs',
  'talk to a person',
];
const starts = realIndex().kb.dialogs.flatMap((d) => d.start);

const turn: fc.Arbitrary<Turn> = fc.oneof(
  fc.nat(12).map((pick) => ({ type: 'click' as const, pick })),
  fc.nat(12).map((pick) => ({ type: 'type-label' as const, pick })),
  fc.constantFrom(...words, ...starts).map((text) => ({ type: 'text' as const, text })),
  fc.integer({ min: -3, max: 15 }).map((n) => ({ type: 'text' as const, text: String(n) })),
  fc.string({ unit: 'binary', maxLength: 120 }).map((text) => ({ type: 'text' as const, text })),
  fc
    .string({
      unit: fc.constantFrom('\u0000', '\u001b', '\u202e', '\ufeff', '\n', ' ', '😀', 'y', '1'),
      maxLength: 40,
    })
    .map((text) => ({ type: 'text' as const, text })),
  fc
    .constantFrom('x'.repeat(50_000), 'not sure '.repeat(5_000), '1'.repeat(400))
    .map((text) => ({ type: 'text' as const, text })),
  fc
    .oneof(
      fc.constantFrom(
        FEEDBACK_CHOICES.helpful.id,
        FEEDBACK_CHOICES.notHelpful.id,
        choiceIds.resume,
        'escalation:send',
        'section:__proto__',
      ),
      fc
        .constantFrom(...dialogIds)
        .chain((d) =>
          fc.constantFrom(
            choiceIds.start(d),
            choiceIds.start(d, 'constructor'),
            choiceIds.answer(d, 'constructor', 'yes'),
            choiceIds.control(d, 'back'),
            `dialog:${d}`,
          ),
        ),
      fc.string({ maxLength: 30 }),
    )
    .map((id) => ({ type: 'raw-choice' as const, id })),
);

function expectReadable(replies: Reply[]): void {
  expect(replies.length).toBeGreaterThanOrEqual(1);
  for (const reply of replies) {
    expect(reply.text.trim()).not.toBe('');
    expect(Array.isArray(reply.choices)).toBe(true);
  }
}

describe('any sequence of turns', () => {
  it('never throws, always replies with text, and keeps JSON-serialisable state (fast-check)', async () => {
    const t = createTestBot();
    let conversation = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(turn, { minLength: 1, maxLength: 12 }), async (turns) => {
        const c = `prop-${++conversation}`;
        let replies: Reply[] = [];
        for (const next of turns) {
          const choices = replies.flatMap((r) => r.choices);
          const picked = choices.length
            ? choices[(next as { pick: number }).pick % choices.length]
            : undefined;
          if (next.type === 'click') replies = picked ? await t.click(picked.id, c) : await t.say('', c);
          else if (next.type === 'type-label') replies = await t.say(picked?.label ?? 'nothing', c);
          else if (next.type === 'raw-choice') replies = await t.click(next.id, c);
          else replies = await t.say(next.text, c);
          expectReadable(replies);
          const state = await t.state(c);
          expect(JSON.parse(JSON.stringify(state ?? null))).toEqual(state ?? null);
        }
      }),
      { numRuns: 300 },
    );
  });
});
