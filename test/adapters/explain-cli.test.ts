import type { Explanation } from '../../src/core/understand/explain';
import { UNDERSTAND_POLICY } from '../../src/core/understand/understand';
import { runCli } from '../helpers/cli';

// `guidebot ask --explain`: what an owner sees to decide what to add to the question bank.
type Explained = Explanation & { reply: { kind: string; sections: string[]; dialog?: string } };
const explainJson = (question: string): Explained => {
  const result = runCli(['ask', '--explain', '--json', question]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Explained;
};
const f = (x: number) => x.toFixed(2);
const { textWeight, fallbackMargin: margin, minScore } = UNDERSTAND_POLICY;
const pOf = (e: Explanation, name: string) => e.intents.find((i) => i.name === name)!.p;

describe('guidebot ask --explain', () => {
  it('an answer: the passage quoted is the best-scoring one, with its score split into P and similarity', () => {
    const e = explainJson('are facebook comments records?');
    expect(e.decision).toBe('answer');
    expect(e.reply.kind).toBe('answer');
    const best = e.passages[0]!;
    expect(e.reply.sections).toContain(best.id.split('/')[0]);
    expect(best.score).toBeCloseTo(best.p + textWeight * best.similarity, 2);
    expect(e.passages.map((p) => p.score)).toEqual([...e.passages.map((p) => p.score)].sort((a, b) => b - a));
    const outOfScope = pOf(e, 'out-of-scope');
    expect(e.why[0]).toBe(
      `answer only when P(out-of-scope) - best passage score <= ${margin} and that score >= ${minScore}: ` +
        `${f(outOfScope)} - ${f(best.score)} = ${f(outOfScope - best.score)}, ${f(best.score)} -> a passage may answer`,
    );
  });

  it('a fallback: the out-of-scope rule with its numbers, and the nearest bank examples with their classes', () => {
    const result = runCli(['ask', '--explain', 'how do i reset my password']);
    expect(result.status).toBe(0);
    const e = explainJson('how do i reset my password');
    expect(e.decision).toBe('fallback');
    expect(e.reply.kind).toBe('fallback');
    const outOfScope = pOf(e, 'out-of-scope');
    expect(outOfScope - e.passages[0]!.score).toBeGreaterThan(margin);
    expect(result.stdout).toContain('Decision: fallback\n');
    expect(result.stdout).toContain(
      `P(out-of-scope) - best passage score <= ${margin} and that score >= ${minScore}: ${f(outOfScope)} - ` +
        `${f(e.passages[0]!.score)} = ${f(outOfScope - e.passages[0]!.score)}, ${f(e.passages[0]!.score)} -> no passage answers`,
    );
    expect(result.stdout).toContain("The bot's reply: fallback\n");
    expect(e.nearest).toHaveLength(6);
    expect(e.nearest[0]!.similarity).toBeGreaterThanOrEqual(e.nearest[5]!.similarity);
    expect(e.nearest.some((n) => n.name === 'out-of-scope' && /password/i.test(n.text))).toBe(true);
    const first = e.nearest[0]!;
    expect(result.stdout).toContain(`  ${f(first.similarity)}  "${first.text}" -> ${first.name}`);
  });

  it('an incident: the dialog wins and the safety net says why the numbers are shown', () => {
    const e = explainJson('i clicked a phishing link');
    expect(e.decision).toBe('dialog');
    expect(e.incident).toBe(true);
    expect(e.reply.dialog).toBe('incident');
    expect(e.why).toContainEqual(
      expect.stringMatching(/^incident safety net .*dialog:incident ranks #1 with P \d\.\d\d; .* -> shown$/),
    );
  });

  it('explains the question as the model reads it: personal information removed', () => {
    const e = explainJson('can I post a photo of jane.doe@gmail.com on our page');
    expect(e.question).toBe('can I post a photo of [email] on our page');
    expect(JSON.stringify(e)).not.toContain('jane.doe');
  });

  it('needs a question', () => {
    const result = runCli(['ask', '--explain']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('ask --explain needs a question');
  });
});
