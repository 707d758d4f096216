import { readFileSync } from 'node:fs';

// An English word list (an-array-of-english-words: about 275,000 lowercase words, sorted), loaded on first
// use: only questions with a word the guideline does not use need it.
let dictionary: Dictionary | undefined;

/** Loads the list now (the server does, before it listens), so no question waits for it. */
export function loadEnglishWords(): void {
  dictionary ??= loadDictionary();
}

/** True for a correctly spelt English word, which must not be "corrected" into another one. */
export function isEnglishWord(word: string): boolean {
  dictionary ??= loadDictionary();
  return dictionary.has(word);
}

interface Dictionary {
  has(word: string): boolean;
}

/**
 * The words as one string and an array of where each starts, searched by halving. As a Set of 275,000
 * strings the list held 20 MB in as many objects, which every full garbage collection of a busy server
 * had to mark again (a pause each time); as two objects it holds 3.1 MB and costs marking nothing.
 */
function loadDictionary(): Dictionary {
  const file = require.resolve('an-array-of-english-words');
  const list = (JSON.parse(readFileSync(file, 'utf8')) as string[]).sort();
  const all = list.join('\n');
  const starts = new Uint32Array(list.length + 1);
  let at = 0;
  list.forEach((word, i) => {
    starts[i] = at;
    at += word.length + 1;
  });
  const count = list.length;
  starts[count] = at;
  // Only `all` and `starts` stay: the list itself (and its 275,000 strings) is left to the collector.
  const wordAt = (i: number): string => all.slice(starts[i]!, starts[i + 1]! - 1);
  return {
    has(word) {
      let low = 0;
      let high = count - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const candidate = wordAt(mid);
        if (candidate === word) return true;
        if (candidate < word) low = mid + 1;
        else high = mid - 1;
      }
      return false;
    },
  };
}
