import lunr from 'lunr';
import type { Passage, Section } from '../knowledge/guideline';
import type { KnowledgeBase } from '../knowledge/load-knowledge';

/** Static constructors Lunr has but its type definitions omit. */
export interface TokenSetStatics {
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet;
}

/** A loaded index with what searching needs beside it. */
export interface SearchIndex {
  kb: KnowledgeBase;
  lunr: lunr.Index;
  passages: Map<string, Passage>;
  sections: Map<string, Section>;
  /** Every stem the index holds. */
  vocabulary: lunr.TokenSet;
  /** Inverse document frequency of a stem, as Lunr computes it; 0 when the index lacks it. */
  idf(stem: string): number;
}

export function createSearchIndex(kb: KnowledgeBase, index: lunr.Index): SearchIndex {
  const inverted = (
    index as unknown as { invertedIndex: Record<string, Record<string, Record<string, unknown>>> }
  ).invertedIndex;
  const docCount = kb.guideline.passages.length;
  const idfOf = (df: number): number => Math.log(1 + Math.abs((docCount - df + 0.5) / (df + 0.5)));
  const cache = new Map<string, number>();
  return {
    kb,
    lunr: index,
    passages: new Map(kb.guideline.passages.map((p) => [p.id, p])),
    sections: new Map(kb.guideline.sections.map((s) => [s.id, s])),
    vocabulary: (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet,
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
