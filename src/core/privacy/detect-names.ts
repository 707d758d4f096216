import type { PiSpan } from './pi-kinds';

type Compromise = ((text: string) => {
  people(): { json(options: { offset: true }): Array<{ offset: { start: number; length: number } }> };
}) & { model(): { one: { lexicon: Record<string, string> } } };

let nlp: Compromise | undefined;

/** compromise (its tagger finds people's names in free text), loaded once; the server loads it at start. */
export function loadNameTagger(): Compromise {
  if (!nlp) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
    nlp = require('compromise') as Compromise;
    nlp('Warm up with Jane Doe').people().json({ offset: true });
  }
  return nlp;
}

const WORD = /[A-Za-z][A-Za-z'’-]*/g;
// Words the lexicon knows as names ("Sarah", "Smith", "Dave") or does not know at all ("Priya", "Zhang").
const NAME_TAG = /Name$|^Person$/;
// Around each candidate, enough words for the tagger to read the context ("my coworker Priya Sharma posted").
const CONTEXT_WORDS = 3;
// Each window costs the tagger a millisecond or more (the guard runs every turn): past this many, candidates
// the lexicon does not know as ordinary words count as names unread.
const MAX_WINDOWS = 3;

interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * People's names typed in a message: "my coworker Priya Sharma posted ..." -> [name]. Only capitalised
 * words the guideline does not use itself are candidates (`known`: "Minister", "Office", "Citizen",
 * "Engagement", section names), and compromise reads a few words around each, so an ordinary question
 * costs no tagging at all. Lowercase names ("priya") are not found.
 */
export function findNames(text: string, known: ReadonlySet<string>): PiSpan[] {
  const tokens: Token[] = [...text.matchAll(WORD)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const candidates = tokens.flatMap((token, i) => (isCandidate(text, token, known) ? [i] : []));
  if (!candidates.length) return [];
  const tagger = loadNameTagger();
  const lexicon = tagger.model().one.lexicon;
  const spans: PiSpan[] = [];
  let windows = 0;
  let coveredUpTo = -1;
  for (const at of candidates) {
    if (at <= coveredUpTo) continue;
    const from = Math.max(0, at - CONTEXT_WORDS);
    const to = Math.min(tokens.length - 1, at + CONTEXT_WORDS);
    coveredUpTo = to;
    if (++windows > MAX_WINDOWS) {
      // A message with this many unfamiliar capitalised words: remove them rather than read them all.
      const tag = lexicon[tokens[at]!.word.toLowerCase()];
      if (tag === undefined || NAME_TAG.test(tag)) spans.push(nameSpan(tokens[at]!));
      coveredUpTo = at;
      continue;
    }
    const base = tokens[from]!.start;
    for (const person of peopleIn(tagger, text.slice(base, tokens[to]!.end))) {
      const start = base + person.offset.start;
      let end = start + person.offset.length;
      // "Nguyen Van An": the tagger may stop at the first word; the capitalised words after it go too.
      let next = tokens.findIndex((t) => t.start >= end);
      while (
        next > 0 &&
        next < tokens.length &&
        tokens[next]!.start <= end + 1 &&
        isCandidate(text, tokens[next]!, known)
      )
        end = tokens[next++]!.end;
      spans.push({ kind: 'name', start, end: trimEnd(text, start, end) });
    }
    // "Priya asked me": a word the tagger has never seen, doing what people do, is someone's name.
    const after = tokens[at + 1]?.word.toLowerCase();
    if (lexicon[tokens[at]!.word.toLowerCase()] === undefined && after && PERSON_VERBS.has(after))
      spans.push(nameSpan(tokens[at]!));
  }
  return spans;
}

const PERSON_VERBS = new Set(
  'said says asked asks told tells posted posts wrote writes sent sends wants wanted thinks thought emailed called replied commented shared'.split(
    ' ',
  ),
);

/** The names the tagger finds in a window; the guard never throws, so a tagger failure finds none. */
function peopleIn(tagger: Compromise, window: string): Array<{ offset: { start: number; length: number } }> {
  try {
    return tagger(window).people().json({ offset: true });
  } catch {
    return [];
  }
}

function isCandidate(text: string, token: Token, known: ReadonlySet<string>): boolean {
  const { word } = token;
  if (word === 'I' || !/^[A-Z][a-z]/.test(word)) return false;
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (known.has(lower)) return false;
  // The first word of a sentence is capitalised anyway: a candidate only when it looks like a name.
  if (!/[.!?\n]\s*$|^\s*$/.test(text.slice(Math.max(0, token.start - 3), token.start))) return true;
  const tag = loadNameTagger().model().one.lexicon[lower];
  return tag === undefined || NAME_TAG.test(tag);
}

function nameSpan(token: Token): PiSpan {
  return { kind: 'name', start: token.start, end: token.end };
}

/** A name ends before the punctuation the tagger keeps with it ("Justin Trudeau?"). */
function trimEnd(text: string, start: number, end: number): number {
  let cut = end;
  while (cut > start && /[^\p{L}]/u.test(text[cut - 1]!)) cut--;
  return cut;
}
