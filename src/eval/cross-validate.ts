import type { KnowledgeBase } from '../core/knowledge/load-knowledge';
import { seededRandom } from '../core/understand/softmax';
import { trainModel } from '../core/understand/model';
import { passageTexts } from '../core/understand/model-file';
import { TRAIN_DEFAULTS, type TrainOptions } from '../core/understand/softmax';
import { dialogClass, OUT_OF_SCOPE, trainingSet } from '../core/understand/training-set';
import {
  decide,
  passageVectors,
  readText,
  UNDERSTAND_POLICY,
  type Policy,
  type Reading,
  type Understanding,
} from '../core/understand/understand';

/** A held-out example's reading and its true class. */
export interface HeldOut {
  text: string;
  truth: string;
  reading: Reading;
}

/**
 * k-fold cross-validation over the question bank: each example is read by a model trained without its
 * fold. Thresholds are chosen on these readings (and the development set), never on evaluation files.
 */
export function crossValidate(
  kb: KnowledgeBase,
  folds = 5,
  options: TrainOptions = TRAIN_DEFAULTS,
): HeldOut[] {
  const set = trainingSet(kb);
  const random = seededRandom(options.seed + 1);
  const fold = set.texts.map(() => Math.floor(random() * folds));
  const out: HeldOut[] = [];
  for (let f = 0; f < folds; f++) {
    const keep = set.texts.map((_, i) => fold[i] !== f);
    const model = trainModel(
      {
        classes: set.classes,
        texts: set.texts.filter((_, i) => keep[i]),
        labels: set.labels.filter((_, i) => keep[i]),
      },
      passageTexts(kb),
      options,
    );
    const passages = passageVectors(model, kb.guideline.passages);
    set.texts.forEach((text, i) => {
      if (!keep[i])
        out.push({ text, truth: set.classes[set.labels[i]!]!, reading: readText(model, passages, text) });
    });
  }
  return out;
}

export interface CvScore {
  /** Passage examples whose passage is quoted. */
  answered: number;
  /** Passage examples answered with other passages only: confident wrong answers. */
  wrong: number;
  /** Out-of-scope examples that fall back (or get small talk). */
  fallback: number;
  /** Intent examples (dialog, person, small talk) read as their intent. */
  intents: number;
  /** Incident examples that get the numbers; other examples that get them needlessly. */
  incidentRecall: number;
  incidentFalseAlarm: number;
}

export function scoreHeldOut(held: HeldOut[], policy: Policy = UNDERSTAND_POLICY): CvScore {
  type Decided = HeldOut & { u: Understanding };
  const share = (list: Decided[], pick: (h: Decided) => boolean): number =>
    list.length ? list.filter(pick).length / list.length : 1;
  const decided: Decided[] = held.map((h) => ({ ...h, u: decide(h.reading, policy) }));
  const passages = decided.filter((h) => h.truth.startsWith('passage:'));
  // An answer is quoted for passages, and first, before the dialog, for a dialog a passage comes close to.
  const answers = (h: Decided): boolean => h.u.intent.kind === 'passages' || h.u.intent.kind === 'dialog';
  const quoted = (h: Decided): boolean =>
    answers(h) && h.u.answer.some((a) => `passage:${a.passage.id}` === h.truth);
  const intentName = (h: Decided): string => {
    const i = h.u.intent;
    return i.kind === 'dialog'
      ? `dialog:${i.dialogId}`
      : i.kind === 'smalltalk'
        ? `smalltalk:${i.id}`
        : i.kind;
  };
  const incident = dialogClass('incident');
  return {
    answered: share(passages, quoted),
    wrong: share(passages, (h) => answers(h) && h.u.answer.length > 0 && !quoted(h)),
    fallback: share(
      decided.filter((h) => h.truth === OUT_OF_SCOPE),
      (h) => h.u.intent.kind === 'none' || h.u.intent.kind === 'smalltalk' || h.u.intent.kind === 'person',
    ),
    intents: share(
      decided.filter((h) => !h.truth.startsWith('passage:') && h.truth !== OUT_OF_SCOPE),
      (h) => intentName(h) === h.truth,
    ),
    incidentRecall: share(
      decided.filter((h) => h.truth === incident),
      (h) => h.u.incident || intentName(h) === incident,
    ),
    incidentFalseAlarm: share(
      decided.filter((h) => h.truth !== incident),
      (h) => h.u.incident,
    ),
  };
}
