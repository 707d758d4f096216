import { z } from 'zod';
import type { Reply } from '../core/types';

/** One line of the evaluation set (test/eval/README.md). */
export const evalQuestionSchema = z.discriminatedUnion('expect', [
  z.object({
    id: z.string(),
    q: z.string(),
    expect: z.literal('answer'),
    must: z.array(z.array(z.string()).min(1)).min(1),
    section: z.string().optional(),
  }),
  z.object({ id: z.string(), q: z.string(), expect: z.literal('fallback') }),
]);
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

const FALLBACK_EMAIL = 'citizenengagement@gov.bc.ca';
const MAX_ANSWER_TEXT = 3000;

/** The README's normalisation: lowercase, whitespace collapsed, quotes and dashes folded, Markdown marks dropped. */
function normalizeForEval(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every string in the reply object, joined: what the phrases are looked for in. */
function replyStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(replyStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(replyStrings);
  return [];
}

export interface Scored {
  question: EvalQuestion;
  reply: Reply;
  passed: boolean;
  /** For answers: whether one of the three best-ranked passages holds every phrase group. */
  top3: boolean;
  why?: string;
}

export function scoreReply(question: EvalQuestion, reply: Reply, ranked: string[] = []): Scored {
  const text = normalizeForEval(replyStrings(reply).join('\n'));
  if (question.expect === 'fallback') {
    const passed = reply.kind === 'smalltalk' || (reply.kind === 'fallback' && text.includes(FALLBACK_EMAIL));
    return { question, reply, passed, top3: passed, ...(!passed && { why: `answered (${reply.kind})` }) };
  }
  const missing = question.must.filter(
    (group) => !group.some((phrase) => text.includes(normalizeForEval(phrase))),
  );
  const tooLong = reply.text.length > MAX_ANSWER_TEXT;
  const passed = reply.kind !== 'fallback' && !missing.length && !tooLong;
  const top3 = ranked.slice(0, 3).some((passageText) => {
    const passage = normalizeForEval(passageText);
    return question.must.every((group) => group.some((phrase) => passage.includes(normalizeForEval(phrase))));
  });
  const why =
    reply.kind === 'fallback'
      ? 'fell back'
      : tooLong
        ? `text is ${reply.text.length} characters`
        : `missing ${JSON.stringify(missing.map((g) => g[0]))}`;
  return { question, reply, passed, top3, ...(!passed && { why }) };
}
