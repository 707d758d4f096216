import lunr from 'lunr';
import type { TokenSetStatics } from './search-index';

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
