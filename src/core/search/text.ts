import lunr from 'lunr';

/** Longest question we read; the rest is ignored (people paste whole documents by mistake). */
export const MAX_QUESTION_CHARS = 1000;
/**
 * The most of a message any channel reads, cut before anything else looks at it (mention removal, the
 * privacy guard, the journal): every later step then runs on a bounded text. Room for normalising to
 * shrink it to MAX_QUESTION_CHARS. The web page's input allows exactly this many.
 */
export const MAX_INBOUND_CHARS = MAX_QUESTION_CHARS * 2;

/** Untrusted message text cut to MAX_INBOUND_CHARS: the first thing every channel does with it. */
export function capInbound(text: string): string {
  return text.length > MAX_INBOUND_CHARS ? text.slice(0, MAX_INBOUND_CHARS) : text;
}

// Words of chat and question form that say nothing about the topic, on top of Lunr's English list.
const CHAT_FILLER = [
  'whats',
  'im',
  'ive',
  'id',
  'ill',
  'hey',
  'hi',
  'hello',
  'please',
  'pls',
  'plz',
  'thanks',
  'thank',
  'need',
  'needs',
  'know',
  'okay',
  'ok',
  'allowed',
  'really',
  'also',
  'still',
  'anything',
  'something',
  'thing',
  'things',
  'stuff',
  'kind',
  'sort',
  'sure',
  'yes',
  'yeah',
  'etc',
  'eg',
  'ie',
  'much',
  'many',
  'lot',
  'lots',
  'even',
  'happen',
  'happens',
  'make',
  'go',
  'going',
  'goes',
  'doing',
  'done',
  'having',
  'dont',
  'doesnt',
  'isnt',
  'cant',
  'wont',
  'shouldnt',
  'couldnt',
  'wouldnt',
  'arent',
  'wasnt',
  'anyone',
  'anybody',
  'someone',
  'somebody',
  'everyone',
  'whether',
  'there',
  'here',
  'hers',
  'yours',
  'mine',
  'ours',
  'u',
  'ur',
  'r',
  'wat',
  'wut',
  'shud',
  'shld',
  'cud',
  'wud',
  'thx',
  'ty',
  'tho',
  'rly',
  'ya',
  'gonna',
  'wanna',
  'gotta',
  'able',
  'actually',
  'basically',
  'exactly',
  'supposed',
  'wondering',
  'wonder',
  'tell',
  'explain',
  'mean',
  'means',
  'find',
  'look',
  'besides',
  'apply',
  'applies',
  'recommended',
  'recommend',
  'suggested',
  'suggest',
  'learned',
  'learnt',
  'heard',
  'else',
  'problem',
  'problems',
  'fine',
  'wrong',
  'bad',
  'worry',
  'worried',
  'core',
  'main',
  'theyre',
  'youre',
  'weve',
  'theyve',
  'thats',
  'whos',
  'wheres',
  'hows',
  'whens',
  'whys',
  'ones',
  'yall',
  'before',
  'after',
  'now',
  'today',
  'new',
  'out',
  'use',
  'using',
  'used',
];
const FILLER = new Set(CHAT_FILLER);

/** True for words that carry no topic: Lunr's English stop words and chat filler. */
export function isStopWord(word: string): boolean {
  return FILLER.has(word) || lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
}

/** Porter stem, as Lunr indexes it. */
export function stem(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

/** Unicode-normalises text, drops control characters and emoji, and folds quotes and dashes. */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Invisible characters go without a trace, so they cannot split a word, an address or a number
      // ("john\u200b@example.com"): soft hyphen, zero-width and joiners, direction marks and bidi overrides.
      .replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
      // eslint-disable-next-line no-control-regex -- control characters in user text are dropped on purpose
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\p{Extended_Pictographic}|\p{Variation_Selector}|\p{Emoji_Modifier}/gu, ' ')
      .replace(/[‘’ʼ`´]/g, "'")
      .replace(/[“”«»]/g, '"')
      .replace(/[‐‑‒–—―]/g, '-')
  );
}

/** Makes untrusted text safe to read: normalised and capped at MAX_QUESTION_CHARS. */
export function cleanText(text: string): string {
  return normalizeText(capInbound(text)).slice(0, MAX_QUESTION_CHARS).trim();
}

// words() runs many times a turn on the same short strings (synonym phrases, concept surfaces): remember
// recent results. Bounded, so a stream of distinct questions cannot grow it without limit.
const WORDS_CACHE_SIZE = 5000;
const wordsCache = new Map<string, string[]>();

/**
 * Splits text into lowercase words as both the index and the questions see them: split on spaces and
 * hyphens (as Lunr does), possessives and apostrophes dropped, "@Work" kept apart from "work".
 */
export function words(text: string): string[] {
  const cached = wordsCache.get(text);
  if (cached) return cached.slice();
  const result = splitWords(text);
  if (wordsCache.size >= WORDS_CACHE_SIZE) wordsCache.clear();
  wordsCache.set(text, result);
  return result.slice();
}

function splitWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalizeText(text)
    .toLowerCase()
    .split(/[\s\-/]+/)) {
    let word = raw
      .replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, '')
      .replace(/^(what|how|that|there|who|where|here|it|let|he|she)'s$/, '$1s')
      .replace(/'s$/, '')
      .replace(/'/g, '');
    if (word.startsWith('@')) word = `at${word.slice(1)}`;
    // Inner punctuation other than email and domain dots splits the word ("and/or", "1)").
    for (const part of word.split(/[^\p{L}\p{N}@.&]+/u)) if (part) out.push(part.replace(/\.+$/, ''));
  }
  return out.filter((w) => w.length > 0);
}

/** Stems of the topic words of a text, in order. */
export function topicStems(text: string): string[] {
  return words(text)
    .filter((w) => !isStopWord(w))
    .map(stem);
}
