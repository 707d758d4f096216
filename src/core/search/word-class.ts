// compromise's lexicon (about 25,000 common English words with their word class), loaded on first use:
// only questions with a word the guideline does not use need it.
let lexicon: Record<string, string> | undefined;

// Classes that describe rather than name a topic ("decide", "private", "writing"). Nouns, and words the
// lexicon does not know ("VPN", "per diem"), name topics.
const DESCRIBING = new Set([
  'Infinitive',
  'Gerund',
  'PastTense',
  'PresentTense',
  'Participle',
  'Adjective',
  'Comparative',
  'Superlative',
  'Adverb',
]);

/** Loads the lexicon now (the server does, before it listens), so no question waits for it. */
export function loadWordClasses(): Record<string, string> {
  if (!lexicon) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
    const compromise = require('compromise') as { model(): { one: { lexicon: Record<string, string> } } };
    lexicon = compromise.model().one.lexicon;
  }
  return lexicon;
}

/** True for a common English verb, adjective or adverb: a word that says how, not what. */
export function isDescribingWord(word: string): boolean {
  const wordClass = loadWordClasses()[word.toLowerCase()];
  return wordClass !== undefined && DESCRIBING.has(wordClass);
}
