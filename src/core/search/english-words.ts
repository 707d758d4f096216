// An English word list (an-array-of-english-words, about 275,000 words), loaded on first use: only
// questions with a word the guideline does not use need it, and it costs ~80 ms to load.
let dictionary: Set<string> | undefined;

/** True for a correctly spelt English word, which must not be "corrected" into another one. */
export function isEnglishWord(word: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  dictionary ??= new Set<string>(require('an-array-of-english-words') as string[]);
  return dictionary.has(word);
}
