import lunr from 'lunr';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { topicStems } from './text';

/** Bump when what goes into the index changes, so prebuilt indexes are rebuilt. */
export const INDEX_FORMAT = 6;

/**
 * Field boosts. The passage's own words count most; its section's title places it; the passage a list item
 * hangs from ("Documentation options include:") gives context without outweighing the text.
 */
const FIELDS = { text: 1, section: 0.6, lead: 0.35 } as const;

/** Builds the Lunr index over passages. Fields hold stems already, so Lunr's own pipeline is emptied. */
export function buildLunrIndex(kb: KnowledgeBase): lunr.Index {
  const { sections, passages } = kb.guideline;
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const textById = new Map(passages.map((p) => [p.id, p.text]));
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    for (const [name, boost] of Object.entries(FIELDS)) this.field(name, { boost });
    for (const passage of passages) {
      const section = sectionById.get(passage.sectionId)!;
      const lead = passage.leadId ? (textById.get(passage.leadId) ?? '') : '';
      this.add({
        id: passage.id,
        text: topicStems(passage.text),
        section: topicStems(section.path.join(' ')),
        lead: topicStems(lead),
      });
    }
  });
}
