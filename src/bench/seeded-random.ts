/** A small deterministic generator (mulberry32): the same seed gives the same knowledge base every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/** A pronounceable made-up word of three or four syllables ("zorvatek"): new vocabulary, never an English stop word. */
export function syntheticWord(random: () => number): string {
  const pick = (letters: string): string => letters[Math.floor(random() * letters.length)]!;
  const syllables = 3 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(CONSONANTS) + pick(VOWELS);
  return word + pick(CONSONANTS);
}
