import type { Passage } from '../knowledge/guideline';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { withoutPlaceholders } from '../privacy/pi-kinds';
import { byFeature, dot, type SparseVector, type VectorsByFeature } from './features';
import { ranked, type IntentModel } from './model';
import { probabilities } from './softmax';
import { dialogClass, OUT_OF_SCOPE, passageClass, PERSON, trainingSet } from './training-set';

/**
 * How the model's probabilities become a decision. Chosen on the development set and the tuning set
 * (test/eval/dev- and tune-questions.jsonl), with cross-validation on the bank as a check; never on the
 * unseen sets. See docs/performance.md.
 * - textWeight: a passage's score is P(its class) + textWeight x the cosine of question and passage text.
 * - fallbackMargin: nothing we cover when P(out of scope) exceeds the best passage's score (or the best
 *   intent's probability) by this. On tune, 0.05 less trades about 1 point of answers for 1-3 of
 *   fallbacks; 0.2 took dev answers below 96%.
 * - minScore: and nothing is quoted from a passage scoring less than this, however unsure the model is
 *   that the message is out of scope (a passage sharing a word or two scores about 0.05-0.1). The same
 *   floor says which passages of a section picked from "did you mean" fit the question asked. On tune,
 *   0.12 / 0.14 / 0.16 gave confident wrong answers 7.5 / 6.7 / 5.8% and answers 86.7 / 85.8 / 84.2%;
 *   0.16 took dev answers below 96%.
 * - leadShare: a message read as a dialog also gets an answer first when its best passage scores at least
 *   this share of the dialog's probability ("do I need a PIA?": the answer, then the privacy check), or
 *   when it stands out: its class probability above leadLift times the next passage's (the dialog took
 *   most of the probability, but the passage that answers is plain: "do I need PAB approval?").
 * - followShare: and the other way round, a dialog follows the answer when its probability reaches this
 *   share of the best passage's score ("report a breach": the reporting passage with the numbers, then the
 *   report). On bank cross-validation 0.5 reads 66% of dialog examples as their dialog (62% without), and
 *   11% of passage examples also start a dialog after their answer (7% without; 13% at 0.4).
 * - relatedShare: further passages are quoted when they score at least this share of the best one.
 * - incidentShare / incidentRank: the incident numbers are shown when P(incident) reaches this, or when the
 *   incident class ranks this high (biased to recall: a missed incident is the most dangerous miss).
 */
export const UNDERSTAND_POLICY = {
  textWeight: 0.6,
  fallbackMargin: 0.25,
  minScore: 0.14,
  leadShare: 0.3,
  leadLift: 2,
  relatedShare: 0.3,
  maxPassages: 3,
  incidentShare: 0.05,
  incidentRank: 1,
  followShare: 0.5,
};
export type Policy = typeof UNDERSTAND_POLICY;

export interface ScoredPassage {
  passage: Passage;
  score: number;
}

/** What a message wants. */
export type Intent =
  | { kind: 'passages'; passages: ScoredPassage[] }
  | { kind: 'dialog'; dialogId: string; p: number }
  | { kind: 'person'; p: number }
  | { kind: 'smalltalk'; id: string; p: number }
  | { kind: 'none' };

export interface Understanding {
  intent: Intent;
  /**
   * Passages to quote (empty when out of scope, or when the message wants something else and no passage
   * comes close).
   */
  answer: ScoredPassage[];
  /** Every class, most likely first. */
  ranked: { name: string; p: number }[];
  /** Passages by score, best first (at most ten). */
  passages: ScoredPassage[];
  /** True when an information incident is plausible: the reply must carry the incident numbers. */
  incident: boolean;
}

export interface Understander {
  understand(text: string): Understanding;
  /** The raw reading of a text: every class and every passage scored (a picked section's best fit). */
  read(text: string): Reading;
  /** The bank examples most like the text, with their class and similarity (for owners' tools). */
  nearestExamples(text: string, count?: number): { text: string; name: string; similarity: number }[];
  model: IntentModel;
}

/** The model's raw reading of a text, before any policy: class probabilities and passage scores. */
export interface Reading {
  ranked: { name: string; p: number }[];
  /** The best passages (READ_PASSAGES unless told) with their score (P(class) + textWeight x cosine), best first. */
  scored: ScoredPassage[];
}

/** Passages a reading keeps: the answer quotes at most maxPassages of them, the explanation shows these. */
const READ_PASSAGES = 10;

/** The passages a text is compared with, their vectors stored by feature, and each passage's class. */
export interface PassageVectors {
  passages: Passage[];
  vectors: VectorsByFeature;
  /** Index of each passage's class in the model's classes, or -1 for a passage without examples. */
  classOf: Int32Array;
}

export function passageVectors(model: IntentModel, passages: Passage[]): PassageVectors {
  const classIndex = new Map(model.classes.map((name, i) => [name, i]));
  return {
    passages,
    vectors: byFeature(
      passages.map((p) => model.vectorizer.vectorize(p.text)),
      model.vectorizer.features.length,
    ),
    classOf: Int32Array.from(passages, (p) => classIndex.get(passageClass(p.id)) ?? -1),
  };
}

export function readText(
  model: IntentModel,
  passages: PassageVectors,
  text: string,
  policy: Policy = UNDERSTAND_POLICY,
  keep = Math.max(READ_PASSAGES, policy.maxPassages),
): Reading {
  const x = model.vectorizer.vectorize(text);
  const p = probabilities(model.softmax, x);
  const scores = passages.vectors.dotAll(x);
  scores.forEach((cosine, k) => {
    const c = passages.classOf[k]!;
    scores[k] = (c >= 0 ? p[c]! : 0) + policy.textWeight * cosine;
  });
  const best = highest(scores, keep);
  const scored = best.map((k) => ({ passage: passages.passages[k]!, score: scores[k]! }));
  return { ranked: ranked(model, p), scored };
}

/** Indexes of the `count` highest scores, highest first; equal scores keep their order, as a stable sort does. */
function highest(scores: Float64Array, count: number): number[] {
  const top: number[] = [];
  scores.forEach((score, k) => {
    if (top.length === count && !(score > scores[top[count - 1]!]!)) return;
    let at = Math.min(top.length, count - 1);
    for (; at > 0 && score > scores[top[at - 1]!]!; at--) top[at] = top[at - 1]!;
    top[at] = k;
  });
  return top;
}

/** What the reading means under a policy: the one decision the router acts on. */
export function decide(reading: Reading, policy: Policy = UNDERSTAND_POLICY): Understanding {
  const { ranked, scored } = reading;
  const outOfScope = ranked.find((r) => r.name === OUT_OF_SCOPE)?.p ?? 0;
  const bestScore = scored[0]?.score ?? 0;
  const answerable =
    scored.length > 0 && outOfScope - bestScore <= policy.fallbackMargin && bestScore >= policy.minScore;
  const top = ranked.find((r) => !r.name.startsWith('passage:') && r.name !== OUT_OF_SCOPE);
  const intentWins = top !== undefined && top.p > bestScore;
  // Stands out on the model's own reading, not the text score: text similarity lifts every passage alike.
  const pOf = (s: ScoredPassage | undefined): number =>
    s ? (ranked.find((r) => r.name === passageClass(s.passage.id))?.p ?? 0) : 0;
  const standsOut = pOf(scored[0]) > pOf(scored[1]) * policy.leadLift;
  const leads = !intentWins || bestScore >= top.p * policy.leadShare || standsOut;
  const answer = answerable && leads ? related(scored, policy) : [];
  const incidentRank = ranked.findIndex((r) => r.name === dialogClass('incident'));
  const incident =
    incidentRank >= 0 &&
    (incidentRank < policy.incidentRank || ranked[incidentRank]!.p >= policy.incidentShare);
  return {
    intent: intentOf(top, bestScore, outOfScope, answer, policy),
    answer,
    ranked,
    passages: scored.slice(0, READ_PASSAGES),
    incident,
  };
}

export function createUnderstander(kb: KnowledgeBase, model: IntentModel): Understander {
  const { vectorizer } = model;
  const passages = passageVectors(model, kb.guideline.passages);
  let examples: { text: string; name: string; vector: SparseVector }[] | undefined;
  const reading = (text: string, keep?: number): Reading =>
    readText(model, passages, withoutPlaceholders(text), UNDERSTAND_POLICY, keep);
  return {
    model,
    understand: (text) => decide(reading(text)),
    // A picked section's best fit may rank below the ten best passages overall: every passage is kept.
    read: (text) => reading(text, kb.guideline.passages.length),
    nearestExamples(text, count = 5) {
      if (!examples) {
        const set = trainingSet(kb);
        examples = set.texts.map((t, i) => ({
          text: t,
          name: set.classes[set.labels[i]!]!,
          vector: vectorizer.vectorize(t),
        }));
      }
      const x = vectorizer.vectorize(text);
      return examples
        .map((e) => ({ text: e.text, name: e.name, similarity: dot(x, e.vector) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, count);
    },
  };
}

/** An intent (dialog, person, small talk) wins when it outranks the best passage and out-of-scope. */
function intentOf(
  top: { name: string; p: number } | undefined,
  bestScore: number,
  outOfScope: number,
  answer: ScoredPassage[],
  policy: Policy,
): Intent {
  // A dialog close behind the passage that answers follows the answer.
  const follows = (t: { name: string; p: number }): boolean =>
    answer.length > 0 && t.name.startsWith('dialog:') && t.p >= policy.followShare * bestScore;
  if (top && (top.p > bestScore || follows(top)) && outOfScope - top.p <= policy.fallbackMargin) {
    const [kind, id] = top.name.split(':') as [string, string | undefined];
    if (kind === 'dialog' && id) return { kind: 'dialog', dialogId: id, p: top.p };
    if (kind === 'smalltalk' && id) return { kind: 'smalltalk', id, p: top.p };
    if (top.name === PERSON) return { kind: 'person', p: top.p };
  }
  return answer.length ? { kind: 'passages', passages: answer } : { kind: 'none' };
}

/** The best passage and others scoring close to it (a picked section's fitting passages too). */
export function related(scored: ScoredPassage[], policy: Policy): ScoredPassage[] {
  const best = scored[0]!;
  return scored.filter((s) => s.score >= best.score * policy.relatedShare).slice(0, policy.maxPassages);
}
