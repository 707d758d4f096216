import lunr from 'lunr';
import { isEnglishWord } from './english-words';
import type { TokenSetStatics } from './search-index';
import { isStopWord, words } from './text';

// Only longer words are corrected: short ones have too many neighbours one edit away.
const MIN_LENGTH = 5;
const MAX_LENGTH = 30;

/** A TokenSet of `list`, which Lunr's fuzzy matching can intersect with. */
export function toTokenSet(list: Iterable<string>): lunr.TokenSet {
  return (lunr.TokenSet as unknown as TokenSetStatics).fromArray([...new Set(list)].sort());
}

/**
 * Words of `vocabulary` one edit (insertion, deletion, substitution or swap of neighbours) from `word` that
 * start with its first letter: people rarely mistype the first one. The vocabulary must come first in the
 * intersection: Lunr walks its left side.
 */
export function oneEditMatches(vocabulary: lunr.TokenSet, word: string): string[] {
  return vocabulary
    .intersect((lunr.TokenSet as unknown as TokenSetStatics).fromFuzzyString(word, 1))
    .toArray()
    .filter((term) => term !== word && term[0] === word[0]);
}

/**
 * Corrects misspelt staff words ("haked", "tweeet") to a word of the synonym list one edit away, before
 * phrases are matched, so "our acount got haked" reads as "hacked". Words the guideline uses, real English
 * words and stop words are left alone; `isKnown` says which words the guideline uses.
 */
export function correctToVocabulary(
  text: string,
  vocabulary: { words: ReadonlySet<string>; tokens: lunr.TokenSet },
  isKnown: (word: string) => boolean,
): string {
  const list = words(text);
  let changed = false;
  const corrected = list.map((word) => {
    if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || vocabulary.words.has(word)) return word;
    if (isStopWord(word) || isKnown(word) || isEnglishWord(word)) return word;
    const [match] = oneEditMatches(vocabulary.tokens, word);
    if (!match) return word;
    changed = true;
    return match;
  });
  return changed ? corrected.join(' ') : text;
}
