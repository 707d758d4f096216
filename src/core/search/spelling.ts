import { isEnglishWord } from './english-words';
import { isStopWord, words } from './text';

// Only longer words are corrected: short ones have too many neighbours one edit away.
const MIN_LENGTH = 5;
const MAX_LENGTH = 30;

/**
 * Corrects misspelt staff words ("haked", "tweeet") to a word of the synonym list one edit away, before
 * phrases are matched, so "our acount got haked" reads as "hacked". Words the guideline uses, real English
 * words and stop words are left alone; `isKnown` says which words the guideline uses.
 */
export function correctToVocabulary(
  text: string,
  vocabulary: ReadonlySet<string>,
  isKnown: (word: string) => boolean,
): string {
  const list = words(text);
  let changed = false;
  const corrected = list.map((word) => {
    if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || vocabulary.has(word)) return word;
    if (isStopWord(word) || isKnown(word) || isEnglishWord(word)) return word;
    const match = [...vocabulary].find(
      (candidate) => candidate[0] === word[0] && oneEditApart(word, candidate),
    );
    if (!match) return word;
    changed = true;
    return match;
  });
  return changed ? corrected.join(' ') : text;
}

/** True when one insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  // A swap of two neighbours: "recrods" / "records".
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}
