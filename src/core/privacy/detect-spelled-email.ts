import type { PiSpan } from './pi-kinds';

// "john dot smith at example dot com", "jane [at] shaw [dot] ca": an address spelled out to dodge filters.
const AT = /^[[(]?at[\])]?$/i;
const DOT = /^[[(]?dot[\])]?$/i;
const PART = /^[\w.%+-]+$/;
const TOP_LEVEL = /^[a-z]{2,24}$/i;

/**
 * Email addresses written with words for "@" and ".". Read word by word (linear in the text): a name part,
 * "at", then a domain with at least one "dot" and a top-level domain of letters. "meet at city hall" is not one.
 */
export function findSpelledEmails(text: string): PiSpan[] {
  const tokens = [...text.matchAll(/[^\s,;:!?"]+/g)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const spans: PiSpan[] = [];
  for (let i = 1; i + 3 < tokens.length; i++) {
    if (!AT.test(tokens[i]!.word) || !PART.test(tokens[i - 1]!.word)) continue;
    // The domain: word (dot word)+, ending in a top-level domain.
    let end = i + 1;
    if (!PART.test(tokens[end]!.word)) continue;
    while (end + 2 < tokens.length && DOT.test(tokens[end + 1]!.word) && PART.test(tokens[end + 2]!.word))
      end += 2;
    if (end === i + 1 || !TOP_LEVEL.test(tokens[end]!.word.replace(/\.$/, ''))) continue;
    // The name: word (dot word)*, read backwards.
    let start = i - 1;
    while (start >= 2 && DOT.test(tokens[start - 1]!.word) && PART.test(tokens[start - 2]!.word)) start -= 2;
    spans.push({ kind: 'email', start: tokens[start]!.start, end: tokens[end]!.end });
    i = end;
  }
  return spans;
}
