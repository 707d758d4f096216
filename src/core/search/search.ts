import type { Passage } from '../knowledge/guideline';
import { isEnglishWord } from './english-words';
import type { SearchIndex } from './search-index';
import { oneEditMatches } from './spelling';
import { stem, words, isStopWord } from './text';

/**
 * Lunr's side of answering: "did you mean" sections on a fallback and the passages of a section someone
 * picked. Whether and what to answer is the model's decision (understand/).
 */
export interface SearchHit {
  passage: Passage;
  /** Lunr's BM25 score. */
  score: number;
  /** Share of the question's topic words the passage holds (0..1). */
  coverage: number;
}

export interface SearchResult {
  /** The question's topic stems, each with the index stems that stand for it (itself, or corrections). */
  terms: { stem: string; found: string[] }[];
  hits: SearchHit[];
}

// Misspellings are corrected only in longer words: short ones have too many neighbours one edit away.
const MIN_CORRECTED_LENGTH = 5;
// Nobody misspells a 40-letter word, and fuzzy matching one costs a lot: longer words are left as they are.
const MAX_CORRECTED_LENGTH = 30;
// A corrected word counts less than one the guideline uses as typed.
const CORRECTED_WEIGHT = 0.6;

/** Ranks passages for a question. Never throws on user text: it is read as words, never as Lunr query syntax. */
export function searchPassages(index: SearchIndex, text: string): SearchResult {
  const terms = [...new Set(words(text).filter((w) => !isStopWord(w)))].map((word) => {
    const s = stem(word);
    if (index.idf(s) > 0) return { stem: s, found: [s], corrected: false };
    const correctable =
      word.length >= MIN_CORRECTED_LENGTH && word.length <= MAX_CORRECTED_LENGTH && !isEnglishWord(word);
    return { stem: s, found: correctable ? oneEditMatches(index.vocabulary, s) : [], corrected: true };
  });
  const searchable = terms.filter((t) => t.found.length);
  if (!searchable.length) return { terms, hits: [] };
  const results = index.lunr.query((q) => {
    for (const term of searchable)
      for (const found of term.found)
        q.term(found, { usePipeline: false, boost: term.corrected ? CORRECTED_WEIGHT : 1 });
  });
  const hits: SearchHit[] = [];
  for (const result of results) {
    const passage = index.passages.get(result.ref);
    if (!passage) continue;
    const matched = new Set(Object.keys(result.matchData.metadata));
    const covered = terms.filter((t) => t.found.some((f) => matched.has(f))).length;
    hits.push({ passage, score: result.score, coverage: covered / terms.length });
  }
  return { terms, hits };
}
