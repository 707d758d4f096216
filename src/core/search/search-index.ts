import lunr from 'lunr';
import type { Passage, Section } from '../knowledge/guideline';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { commonStems } from './common-words';
import { compileSynonyms, type SynonymMatcher } from './synonyms';

/** Static constructors Lunr has but its type definitions omit. */
export interface TokenSetStatics {
  fromString(pattern: string): lunr.TokenSet;
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet;
  fromArray(sortedWords: string[]): lunr.TokenSet;
}

/** A loaded index with what searching needs beside it. */
export interface SearchIndex {
  kb: KnowledgeBase;
  lunr: lunr.Index;
  synonyms: SynonymMatcher;
  passages: Map<string, Passage>;
  sections: Map<string, Section>;
  /** Every stem the index holds. */
  vocabulary: lunr.TokenSet;
  /** Indexed stems that begin with `prefix`. */
  termsStartingWith(prefix: string): string[];
  /** Inverse document frequency of a stem, as Lunr computes it; 0 when the index lacks it. */
  idf(stem: string): number;
  /** The idf of a stem found in a single passage: the weight given to words the guideline never uses. */
  maxIdf: number;
  /** True for a stem of a word heard often in everyday English ("day", "book"): see common-words.ts. */
  isCommon(stem: string): boolean;
  /** The stems isCommon is true for, as the prebuilt index file keeps them. */
  commonStems: readonly string[];
}

export function createSearchIndex(
  kb: KnowledgeBase,
  index: lunr.Index,
  common: readonly string[] = commonStems(),
): SearchIndex {
  const commonSet = new Set(common);
  const inverted = (
    index as unknown as { invertedIndex: Record<string, Record<string, Record<string, unknown>>> }
  ).invertedIndex;
  const docCount = kb.guideline.passages.length;
  const idfOf = (df: number): number => Math.log(1 + Math.abs((docCount - df + 0.5) / (df + 0.5)));
  const cache = new Map<string, number>();
  return {
    kb,
    lunr: index,
    synonyms: compileSynonyms(kb.synonyms),
    passages: new Map(kb.guideline.passages.map((p) => [p.id, p])),
    sections: new Map(kb.guideline.sections.map((s) => [s.id, s])),
    vocabulary: (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet,
    termsStartingWith(prefix) {
      // The index's set must come first: Lunr's intersect follows the pattern's wildcard only that way.
      return this.vocabulary
        .intersect((lunr.TokenSet as unknown as TokenSetStatics).fromString(`${prefix}*`))
        .toArray();
    },
    maxIdf: idfOf(1),
    isCommon: (stem) => commonSet.has(stem),
    commonStems: common,
    idf(stem) {
      const known = cache.get(stem);
      if (known !== undefined) return known;
      const posting = Object.prototype.hasOwnProperty.call(inverted, stem) ? inverted[stem] : undefined;
      let value = 0;
      if (posting) {
        const docs = new Set<string>();
        for (const [field, refs] of Object.entries(posting))
          if (field !== '_index') for (const ref of Object.keys(refs)) docs.add(ref);
        value = idfOf(docs.size);
      }
      cache.set(stem, value);
      return value;
    },
  };
}
