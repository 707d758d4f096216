import { words } from '../search/text';

// Phrases come from knowledge files, so there are few of them: each is split into words once.
const cache = new Map<string, string>();
const MAX_CACHED = 10_000;

/** A phrase from the knowledge files as the words it is compared by ("Not sure!" -> "not sure"), cached. */
export function saidPhrase(phrase: string): string {
  let said = cache.get(phrase);
  if (said === undefined) {
    said = words(phrase).join(' ');
    if (cache.size < MAX_CACHED) cache.set(phrase, said);
  }
  return said;
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
