import lunr from 'lunr';
import type { KnowledgeBase } from '../core/knowledge/load-knowledge';

/**
 * The baseline: a plain Lunr index with Lunr's default pipeline (stop words, Porter stemmer) over the same
 * passages, text and section title, no synonyms or boosts. What an off-the-shelf Lunr search would cost.
 */
export function buildBaselineIndex(kb: KnowledgeBase): lunr.Index {
  const titles = new Map(kb.guideline.sections.map((s) => [s.id, s.path.join(' ')]));
  return lunr(function () {
    this.ref('id');
    this.field('text');
    this.field('section');
    for (const passage of kb.guideline.passages)
      this.add({ id: passage.id, text: passage.text, section: titles.get(passage.sectionId) ?? '' });
  });
}

/** The question's words only, so Lunr query syntax (`:`, `*`, `~`, `^`, `+`, `-`) cannot make search throw. */
export function baselineQuery(question: string): string {
  return (question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Searches the baseline index with a query already made safe by `baselineQuery`. */
export function searchBaseline(index: lunr.Index, query: string): lunr.Index.Result[] {
  return query ? index.search(query) : [];
}
