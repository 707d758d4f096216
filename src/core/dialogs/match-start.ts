import { analyseQuestion } from '../search/search';
import type { SearchIndex } from '../search/search-index';
import { stem } from '../search/text';
import { rememberRecent } from '../memo/recent';
import type { Dialog } from './types';

/** A dialog a message asks for, and how much of the message its start phrase explains (0..1). */
export interface StartMatch {
  dialog: Dialog;
  coverage: number;
}

/**
 * Share of a message's topic weight a start phrase must explain. Lower, and questions that only touch a
 * dialog's topic ("can I post a photo I found in a newspaper?") would start it instead of being answered;
 * those get the answer with a "walk me through" choice. Checked on the development set (npm run eval).
 */
const MIN_START_COVERAGE = 0.75;

interface KeyedConcept {
  keys: string[];
  weight: number;
}

/**
 * Recognises messages that ask for a dialog, with the same analysis as questions: words are stemmed and
 * synonym phrases become one concept, so "do i need PAB sign-off" matches "do I need PAB approval" and
 * "our account got hacked" matches "our account was compromised". A start phrase matches when all of its
 * topics are in the message and they make up most of the message.
 */
export function createStartMatcher(
  index: SearchIndex,
  dialogs: Dialog[],
  recentMessages = 0,
): (text: string) => StartMatch | undefined {
  const phrases = dialogs.flatMap((dialog) =>
    [...dialog.start, dialog.title].map((phrase) => ({ dialog, concepts: keyedConcepts(index, phrase) })),
  );
  const byId = new Map(dialogs.map((dialog) => [dialog.id, dialog]));
  const best = (text: string): { id: string; coverage: number } | null => {
    const concepts = keyedConcepts(index, text);
    const total = concepts.reduce((sum, c) => sum + c.weight, 0);
    if (!total) return null;
    let found: { id: string; coverage: number } | null = null;
    for (const phrase of phrases) {
      if (!phrase.concepts.length) continue;
      if (!phrase.concepts.every((p) => concepts.some((c) => shareKey(c, p)))) continue;
      const covered = concepts
        .filter((c) => phrase.concepts.some((p) => shareKey(c, p)))
        .reduce((sum, c) => sum + c.weight, 0);
      const coverage = covered / total;
      if (coverage >= MIN_START_COVERAGE && (!found || coverage > found.coverage))
        found = { id: phrase.dialog.id, coverage };
    }
    return found;
  };
  // Every question is checked for a start phrase: remember the outcome for recent ones, as answers are.
  const bestFor = rememberRecent(recentMessages, best);
  return (text) => {
    const found = bestFor(text);
    return found ? { dialog: byId.get(found.id)!, coverage: found.coverage } : undefined;
  };
}

function shareKey(a: KeyedConcept, b: KeyedConcept): boolean {
  return a.keys.some((k) => b.keys.includes(k));
}

function keyedConcepts(index: SearchIndex, text: string): KeyedConcept[] {
  return analyseQuestion(index, text).map((concept) => {
    const group = index.synonyms.mentions(concept.surface)[0]?.group;
    const keys = group
      ? [`g:${group.index}`]
      : [`w:${stem(concept.surface)}`, ...concept.terms.map((t) => `w:${t}`)];
    return { keys, weight: concept.weight };
  });
}
