import type { Passage } from '../knowledge/guideline';
import type { SearchIndex } from './search-index';
import { isEnglishWord } from './english-words';
import { isDescribingWord } from './word-class';
import { correctToVocabulary, oneEditMatches } from './spelling';
import { isGenericWord, stem, topicStems, words } from './text';

/** One topic of a question: a word, or a synonym phrase, with the index stems that stand for it. */
export interface Concept {
  surface: string;
  /** Ways the topic can appear in a passage: each is a list of stems that must all be there. */
  alternatives: string[][];
  /** Every stem of the alternatives: what Lunr is asked for. Empty when the guideline never uses the word. */
  terms: string[];
  /** How much the concept says about the topic (see conceptWeight and unknownWeight). */
  weight: number;
  /** True when the stems come from a spelling correction. */
  corrected: boolean;
  /** A single word heard often in everyday English ("day", "book"), not a staff phrase: see common-words.ts. */
  common: boolean;
}

export interface SearchHit {
  passage: Passage;
  score: number;
  /** Share of the question's topic weight this passage matches (0..1). */
  coverage: number;
  /** score scaled by coverage: what answers are ranked by. */
  rank: number;
  /** True when the passage matches a concept that is not a common word: it shares a topic with the question. */
  topical: boolean;
}

export interface SearchResult {
  concepts: Concept[];
  hits: SearchHit[];
}

// Misspellings are corrected only in longer words: short ones have too many neighbours one edit away.
const MIN_CORRECTED_LENGTH = 5;
// Nobody misspells a 40-letter word, and fuzzy matching one costs a lot: longer words are left as they are.
const MAX_CORRECTED_LENGTH = 30;
// A corrected word counts less than one the guideline uses as typed.
const CORRECTED_WEIGHT = 0.6;
// Porter stems some forms of a word apart ("considered" -> consid, "considerations" -> consider): a stem
// this long also matches index stems that extend it by a few letters.
const MIN_PREFIX_LENGTH = 5;
const MAX_PREFIX_EXTENSION = 3;
/**
 * How much words count, calibrated on the development set and the held-out set in test/eval:
 * - genericShare: share of its weight an everyday word ("another", "wants") keeps.
 * - describingShare: share of the unknown-word weight kept by a common verb, adjective or adverb the
 *   guideline never uses ("decide", "private", "lose"): phrasing, while an unknown noun or non-word
 *   ("vacation", "VPN") names a topic the guideline does not cover.
 */
export const SEARCH_TUNING = {
  genericShare: 0.25,
  describingShare: 0.4,
};

export function analyseQuestion(index: SearchIndex, question: string): Concept[] {
  const concepts: Concept[] = [];
  const seenGroups = new Set<number>();
  const text = correctToVocabulary(question, index.synonyms.vocabulary, (word) => index.idf(stem(word)) > 0);
  for (const mention of index.synonyms.mentions(text)) {
    if (mention.group) {
      if (seenGroups.has(mention.group.index)) continue;
      seenGroups.add(mention.group.index);
    }
    let alternatives = mention.group
      ? [...mention.group.guidelinePhrases, ...surfaceAlternative(mention.surface)].filter(
          (stems) => stems.length && stems.every((s) => index.idf(s) > 0),
        )
      : wordForms(index, mention.stem);
    let corrected = false;
    if (
      !alternatives.length &&
      !mention.group &&
      mention.surface.length >= MIN_CORRECTED_LENGTH &&
      mention.surface.length <= MAX_CORRECTED_LENGTH &&
      !isEnglishWord(mention.surface)
    ) {
      alternatives = corrections(index, mention.stem);
      corrected = alternatives.length > 0;
    }
    const terms = [...new Set(alternatives.flat())];
    if (!mention.group && terms.length && concepts.some((c) => c.terms.join() === terms.join())) continue;
    // A word the guideline never uses is strong evidence the question is about something else ("vacation",
    // "VPN"); an everyday word ("another", "wants") says little about any topic, known or not.
    const base = terms.length ? conceptWeight(index, alternatives) : unknownWeight(index, mention.surface);
    const weight = words(mention.surface).every(isGenericWord) ? base * SEARCH_TUNING.genericShare : base;
    concepts.push({
      surface: mention.surface,
      alternatives,
      terms,
      weight: corrected ? weight * CORRECTED_WEIGHT : weight,
      corrected,
      common: !mention.group && terms.length > 0 && terms.every((term) => index.isCommon(term)),
    });
  }
  return concepts;
}

/**
 * A phrase is as specific as its rarest word; a concept is as common as its most common phrase, so a
 * synonym group with one everyday member ("post") weighs like that member.
 */
function conceptWeight(index: SearchIndex, alternatives: string[][]): number {
  return Math.min(...alternatives.map((alt) => Math.max(...alt.map((t) => index.idf(t)))));
}

/**
 * The staff phrase itself is also a way a passage can match, but only when it is one word: the topic words
 * left of "say I work for" ("work") do not mean what the phrase means.
 */
function surfaceAlternative(surface: string): string[][] {
  return words(surface).length === 1 ? [topicStems(surface)] : [];
}

/** A word the guideline never uses: the most a word can weigh, less when it only describes. */
function unknownWeight(index: SearchIndex, surface: string): number {
  const list = words(surface);
  return list.every(isDescribingWord) ? index.maxIdf * SEARCH_TUNING.describingShare : index.maxIdf;
}

/** The stem itself, when indexed, and indexed stems that extend it slightly. */
function wordForms(index: SearchIndex, stem: string): string[][] {
  const forms = index.idf(stem) > 0 ? [stem] : [];
  if (stem.length >= MIN_PREFIX_LENGTH)
    for (const term of index.termsStartingWith(stem))
      if (term !== stem && term.length - stem.length <= MAX_PREFIX_EXTENSION) forms.push(term);
  return forms.map((f) => [f]);
}

/** Indexed stems one edit away that start with the same letter. */
function corrections(index: SearchIndex, stem: string): string[][] {
  return oneEditMatches(index.vocabulary, stem).map((term) => [term]);
}

/** Ranks passages for a question. Never throws on user text: it is read as words, never as Lunr query syntax. */
export function searchPassages(
  index: SearchIndex,
  text: string,
  options: { sectionIds?: string[] } = {},
): SearchResult {
  const concepts = analyseQuestion(index, text);
  const searchable = concepts.filter((c) => c.terms.length);
  if (!searchable.length) return { concepts, hits: [] };
  const results = index.lunr.query((q) => {
    for (const concept of searchable) {
      // A concept with many stems (a synonym group) should weigh about as much as a single word.
      const boost = (concept.corrected ? CORRECTED_WEIGHT : 1) / Math.sqrt(concept.terms.length);
      for (const term of concept.terms) q.term(term, { usePipeline: false, boost });
    }
  });
  const totalWeight = concepts.reduce((sum, c) => sum + c.weight, 0);
  const allowed = options.sectionIds && new Set(options.sectionIds);
  const hits: SearchHit[] = [];
  for (const result of results) {
    const passage = index.passages.get(result.ref);
    if (!passage || (allowed && !allowed.has(passage.sectionId))) continue;
    const matched = new Set(Object.keys(result.matchData.metadata));
    const found = concepts.filter((c) => c.alternatives.some((alt) => alt.every((t) => matched.has(t))));
    const covered = found.reduce((sum, c) => sum + c.weight, 0);
    const coverage = totalWeight ? covered / totalWeight : 0;
    const topical = found.some((c) => !c.common);
    hits.push({ passage, score: result.score, coverage, rank: result.score * coverage, topical });
  }
  hits.sort((a, b) => b.rank - a.rank);
  return { concepts, hits };
}
