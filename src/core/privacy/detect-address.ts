import { matches } from './detect-identifiers';
import type { PiSpan } from './pi-kinds';

// Street types that only name a street after a house number.
const CLEAR_TYPES =
  'street|st|avenue|ave|road|rd|boulevard|blvd|crescent|cres|highway|hwy|drive|dr|parkway|pkwy';
// Street types that are also everyday words ("5 people walk"): only when written as a name, capitalised.
const WORD_TYPES =
  'way|place|pl|lane|ln|court|ct|terrace|close|trail|circle|square|gate|grove|mews|heights|row|walk|ridge|view|hill|esplanade';
const NAME_WORD = "[a-z][a-z'.-]*";
const STREET = new RegExp(
  String.raw`(?<![\w#/.-])(?:(?:#|unit\s+|suite\s+|apt\.?\s+)\d+[a-z]?\s*[-,]?\s*)?\d{1,5}[a-z]?(?:-\d{1,5})?\s+` +
    String.raw`((?:${NAME_WORD}\s+){0,3}${NAME_WORD})\s+(${CLEAR_TYPES}|${WORD_TYPES})\b\.?` +
    String.raw`(?:\s+(?:north|south|east|west|[nsew]|ne|nw|se|sw)\b)?`,
  'gid',
);
const PO_BOX = /\bp\.?\s?o\.?\s+box\s+\d+/gi;
const CLEAR = new RegExp(`^(?:${CLEAR_TYPES})$`, 'i');
const ANY_TYPE = new RegExp(`^(?:${CLEAR_TYPES}|${WORD_TYPES})$`, 'i');

// Words that never start or sit in a street name: "3 tips for the road", "10 ways to drive".
const FUNCTION_WORDS = new Set(
  'the a an of for to in on at from with by and or my your our their his her its is are was be about per'
    .split(' ')
    .concat('tips ways steps things times days weeks months years people posts photos'.split(' ')),
);

/** Street addresses ("1234 Main St", "#204-1011 Fort Street") and post office boxes. */
export function findAddresses(text: string): PiSpan[] {
  const streets = [...text.matchAll(STREET)].flatMap((m) => {
    const end = streetEnd(text, m);
    return end === undefined ? [] : [{ kind: 'address' as const, start: m.index, end }];
  });
  const boxes = matches(text, PO_BOX).map(({ start, end }) => ({ kind: 'address' as const, start, end }));
  return [...streets, ...boxes];
}

/**
 * Where the street a match names ends, or undefined when it names none. The pattern takes as many name
 * words as it can, so a street type can be read as a name word ("3150 Shelbourne Road pl": "Road" as a
 * name, "pl" as a lowercase type, rejected): each shorter reading that ends in a street type is tried too.
 */
function streetEnd(text: string, m: RegExpExecArray): number | undefined {
  const [namesStart, namesEnd] = m.indices![1]!;
  const words = [...text.slice(namesStart, namesEnd).matchAll(/\S+/g)].map((w) => ({
    word: w[0],
    end: namesStart + w.index + w[0].length,
  }));
  const type = m[2]!;
  if (
    isStreet(
      words.map((w) => w.word),
      type,
    )
  )
    return m.index + m[0].length;
  for (let last = words.length - 1; last >= 1; last--) {
    const names = words.slice(0, last).map((w) => w.word);
    if (ANY_TYPE.test(words[last]!.word) && isStreet(names, words[last]!.word)) return words[last]!.end;
  }
  return undefined;
}

function isStreet(names: string[], type: string): boolean {
  if (names.some((w) => FUNCTION_WORDS.has(w.toLowerCase()))) return false;
  return CLEAR.test(type) || [...names, type].every((w) => /^[A-Z]/.test(w));
}
