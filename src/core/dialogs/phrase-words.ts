import { words } from '../search/text';

// Phrases come from knowledge files, so there are few of them: each is split into words once.
const cache = new Map<string, string>();
const MAX_CACHED = 10_000;

/** What a person typed, as the words it is compared by ("Not sure!" -> "not sure"). */
export function said(text: string): string {
  return words(text).join(' ');
}

/** A phrase from the knowledge files as said() reads it, cached. */
export function saidPhrase(phrase: string): string {
  let cached = cache.get(phrase);
  if (cached === undefined) {
    cached = said(phrase);
    if (cache.size < MAX_CACHED) cache.set(phrase, cached);
  }
  return cached;
}

const split = new Map<string, readonly string[]>();

/** saidPhrase as its words, split once. */
export function phraseWords(phrase: string): readonly string[] {
  let list = split.get(phrase);
  if (list === undefined) {
    list = Object.freeze(saidPhrase(phrase).split(' '));
    if (split.size < MAX_CACHED) split.set(phrase, list);
  }
  return list;
}
