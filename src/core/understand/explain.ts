import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { startOf } from '../review/passage-anchor';
import { dialogClass, OUT_OF_SCOPE } from './training-set';
import { UNDERSTAND_POLICY, type Understander } from './understand';

/** Why the model read a message as it did: for owners deciding what to add to the question bank. */
export interface Explanation {
  question: string;
  /** What the model decided: a passage answer, a dialog, a person, small talk, or the fallback. */
  decision: 'answer' | 'dialog' | 'person' | 'smalltalk' | 'fallback';
  /** The rules that decided it, each with its numbers. */
  why: string[];
  /** Best passages: score = P(class) + textWeight x similarity of question and passage text. */
  passages: { id: string; label: string; start: string; score: number; p: number; similarity: number }[];
  /** Every class that is not a passage (dialogs, person, small talk, out of scope), most likely first. */
  intents: { name: string; p: number }[];
  /** The bank examples most like the question, by the model's features, and what they are examples of. */
  nearest: { text: string; name: string; about?: string; similarity: number }[];
  incident: boolean;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
// Printed from the same rounded numbers the JSON holds, so the two never disagree in the last digit.
const f = (x: number): string => r3(x).toFixed(2);

export function explain(kb: KnowledgeBase, understander: Understander, question: string): Explanation {
  const policy = UNDERSTAND_POLICY;
  const understood = understander.understand(question);
  const { ranked, passages, intent } = understood;
  const p = new Map(ranked.map((c) => [c.name, c.p]));
  const labels = new Map(kb.guideline.sections.map((s) => [s.id, s.path.join(' › ')]));
  const about = (name: string): string | undefined => {
    const passage = kb.guideline.passages.find((x) => `passage:${x.id}` === name);
    return passage && `${labels.get(passage.sectionId)}: "${startOf(passage.text, 60)}"`;
  };
  const outOfScope = p.get(OUT_OF_SCOPE) ?? 0;
  const best = passages[0];
  const bestScore = best?.score ?? 0;
  const top = ranked.find((c) => !c.name.startsWith('passage:') && c.name !== OUT_OF_SCOPE);
  const gap = outOfScope - bestScore;
  const answerable = gap <= policy.fallbackMargin && bestScore >= policy.minScore;
  const why = [
    `answer only when P(out-of-scope) - best passage score <= ${policy.fallbackMargin} and that score >= ` +
      `${policy.minScore}: ${f(outOfScope)} - ${f(bestScore)} = ${f(gap)}, ${f(bestScore)}` +
      ` -> ${answerable ? 'a passage may answer' : 'no passage answers'}`,
  ];
  if (top) {
    // What decide() chose, not worked out again here: the lines below only give its numbers.
    const wins = intent.kind !== 'passages' && intent.kind !== 'none';
    why.push(
      `an intent wins when it beats the best passage (a dialog after an answer: reaches ${policy.followShare} x ` +
        `its score) and P(out-of-scope) - it <= ${policy.fallbackMargin}: ${top.name} ${f(top.p)} vs passage ` +
        `${f(bestScore)}, out-of-scope ${f(outOfScope)} -> ${wins ? top.name : 'no'}`,
    );
    if (wins && top.name.startsWith('dialog:') && top.p > bestScore) {
      const pOf = (i: number): number => p.get(`passage:${passages[i]?.passage.id}`) ?? 0;
      why.push(
        `the answer leads the dialog when the best passage reaches ${policy.leadShare} x P(dialog), or its P ` +
          `is above ${policy.leadLift} x the next passage's: ${f(bestScore)} vs ${f(top.p * policy.leadShare)}, ` +
          `P ${f(pOf(0))} vs ${f(pOf(1) * policy.leadLift)} -> ${understood.answer.length ? 'answer first' : 'dialog only'}`,
      );
    }
  }
  const incidentRank = ranked.findIndex((c) => c.name === dialogClass('incident'));
  why.push(
    `incident safety net (the incident numbers on any reply): dialog:incident ranks #${incidentRank + 1} with P ` +
      `${f(p.get(dialogClass('incident')) ?? 0)}; shown when it ranks first or P >= ${policy.incidentShare} -> ` +
      `${understood.incident ? 'shown' : 'not shown'}`,
  );
  if (understood.answer.length > 1)
    why.push(
      `passages quoted with the best: those scoring at least ${policy.relatedShare} x ${f(bestScore)} ` +
        `(${understood.answer.length} in all, at most ${policy.maxPassages})`,
    );
  const decision = intent.kind === 'passages' ? 'answer' : intent.kind === 'none' ? 'fallback' : intent.kind;
  return {
    question,
    decision,
    why,
    passages: passages.slice(0, 5).map(({ passage, score }) => {
      const pClass = p.get(`passage:${passage.id}`) ?? 0;
      return {
        id: passage.id,
        label: labels.get(passage.sectionId) ?? passage.sectionId,
        start: startOf(passage.text, 60),
        score: r3(score),
        p: r3(pClass),
        similarity: r3((score - pClass) / policy.textWeight),
      };
    }),
    intents: ranked.filter((c) => !c.name.startsWith('passage:')).map((c) => ({ name: c.name, p: r3(c.p) })),
    nearest: understander.nearestExamples(question, 6).map((e) => {
      const passage = about(e.name);
      return { text: e.text, name: e.name, ...(passage && { about: passage }), similarity: r3(e.similarity) };
    }),
    incident: understood.incident,
  };
}

/** The explanation as an owner reads it in a terminal. */
export function renderExplanation(e: Explanation, reply?: string): string {
  const t = UNDERSTAND_POLICY.textWeight;
  return [
    `Question, as the model reads it: ${e.question}`,
    `Decision: ${e.decision}${e.incident ? ', with the incident numbers' : ''}`,
    ...e.why.map((line) => `  - ${line}`),
    ...(reply ? [`The bot's reply: ${reply}`] : []),
    '',
    `Passages (score = P(class) + ${t} x similarity to the passage text):`,
    ...e.passages.map(
      (x) => `  ${f(x.score)} = ${f(x.p)} + ${t} x ${f(x.similarity)}  ${x.id}  ${x.label}: "${x.start}"`,
    ),
    '',
    'Dialogs, person, small talk and out of scope (probability):',
    ...e.intents.filter((x, i) => i < 6 || x.p >= 0.01).map((x) => `  ${f(x.p)}  ${x.name}`),
    '',
    'Nearest question-bank examples (feature similarity):',
    ...e.nearest.map(
      (x) => `  ${f(x.similarity)}  "${x.text}" -> ${x.name}${x.about ? ` (${x.about})` : ''}`,
    ),
    '',
    'To teach it: add the question under the right passage in knowledge/questions/passages-*.yaml (or use',
    '`guidebot knowledge suggest`), then rebuild (npm run build).',
  ].join('\n');
}
