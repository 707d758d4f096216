import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Bot } from '../core/bot';
import { GuidebotError } from '../core/errors';
import type { Understander } from '../core/understand/understand';
import { evalQuestionSchema, scoreReply, type EvalQuestion, type Scored } from './score';

/** The development set, kept with the tests. */
export const DEFAULT_EVAL_FILE = path.resolve(__dirname, '../../test/eval/dev-questions.jsonl');

interface EvalReport {
  answerRate: number;
  fallbackRate: number;
  /** In-scope questions answered with passages that lack the expected wording: confident wrong answers. */
  wrongRate: number;
  top3Rate: number;
  answers: number;
  fallbacks: number;
  misses: Scored[];
  scored: Scored[];
}

/** The questions of an evaluation file (one JSON object a line); a missing or bad file is one plain error. */
export function readEvalFile(file: string): EvalQuestion[] {
  const invalid = (place: string, reason: string): GuidebotError =>
    new GuidebotError('EVAL_FILE_INVALID', `${file}${place}: ${reason}`);
  if (!existsSync(file))
    throw invalid('', 'no such evaluation file. Name one with --file (one JSON question a line).');
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw invalid(`:${n}`, 'not a JSON object');
      }
      const parsed = evalQuestionSchema.safeParse(json);
      if (!parsed.success) throw invalid(`:${n}`, parsed.error.issues[0]?.message ?? 'not a question');
      return parsed.data;
    });
}

/** Asks each question as a new conversation, as `guidebot ask --json` does, and scores the replies. */
export async function runEval(
  bot: Bot,
  understander: Understander,
  questions: EvalQuestion[],
): Promise<EvalReport> {
  const scored: Scored[] = [];
  for (const question of questions) {
    const [reply] = await bot.handle({
      channel: 'console',
      conversation: `eval-${question.id}`,
      user: 'eval',
      text: question.q,
    });
    const ranked = understander.understand(question.q).passages.map((s) => s.passage.text);
    scored.push(scoreReply(question, reply!, ranked));
  }
  const answers = scored.filter((s) => s.question.expect === 'answer');
  const fallbacks = scored.filter((s) => s.question.expect === 'fallback');
  const rate = (list: Scored[], pick: (s: Scored) => boolean): number =>
    list.length ? list.filter(pick).length / list.length : 1;
  return {
    answerRate: rate(answers, (s) => s.passed),
    fallbackRate: rate(fallbacks, (s) => s.passed),
    wrongRate: answers.length
      ? answers.filter((s) => !s.passed && s.reply.kind === 'answer').length / answers.length
      : 0,
    top3Rate: rate(answers, (s) => s.top3),
    answers: answers.length,
    fallbacks: fallbacks.length,
    misses: scored.filter((s) => !s.passed),
    scored,
  };
}

export function formatEvalReport(report: EvalReport): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = report.misses.map(
    (m) =>
      `  miss ${m.question.id} (${m.question.expect}): ${m.question.q}\n       ${m.why}; got ${m.reply.kind}: ${m.reply.citations.map((c) => c.sectionId).join(', ') || '-'}`,
  );
  return [
    ...lines,
    `answers:   ${pct(report.answerRate)} of ${report.answers} in-scope questions answered with the expected wording`,
    `fallbacks: ${pct(report.fallbackRate)} of ${report.fallbacks} out-of-scope questions referred on`,
    `wrong:     ${pct(report.wrongRate)} of in-scope questions answered confidently with the wrong passages`,
    `top-3:     ${pct(report.top3Rate)} of in-scope questions have the right passage among the three best-ranked`,
  ].join('\n');
}
