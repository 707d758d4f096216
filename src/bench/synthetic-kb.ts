import type { Passage, Section } from '../core/knowledge/guideline';
import type { PassageExamples } from '../core/knowledge/load-bank';
import type { KnowledgeBase } from '../core/knowledge/load-knowledge';
import { seededRandom, syntheticWord } from './seeded-random';

/** Made-up words appended to each copied passage, so the index vocabulary grows with the knowledge base. */
const WORDS_PER_COPIED_PASSAGE = 3;
const SEED = 20240611;

/**
 * A knowledge base `factor` times the guideline's size, in memory: the guideline's sections and passages,
 * then factor - 1 copies of them with new ids (`${id}-copy3`), each copied passage carrying a few made-up
 * words. Copies keep every real word, so each question matches `factor` times as many passages: the
 * pessimistic case for search cost. The question bank grows with it: each copied passage gets its original's
 * examples, each with one of the copy's made-up words, so the model has `factor` times as many passage
 * classes to tell apart. Factor 1 returns the knowledge base unchanged.
 */
export function scaleKnowledge(kb: KnowledgeBase, factor: number): KnowledgeBase {
  if (factor <= 1) return kb;
  const random = seededRandom(SEED + factor);
  const { sections, passages } = kb.guideline;
  const allSections: Section[] = [...sections];
  const allPassages: Passage[] = [...passages];
  const bankPassages: PassageExamples[] = [...kb.bank.passages];
  const examplesOf = new Map(kb.bank.passages.map((g) => [g.passageId, g.examples]));
  for (let copy = 1; copy < factor; copy++) {
    const suffix = `-copy${copy}`;
    const renameSection = (id: string): string => `${id}${suffix}`;
    // Passage ids are `${sectionId}/${n}`: the section part takes the suffix.
    const renamePassage = (id: string): string => {
      const slash = id.lastIndexOf('/');
      return slash < 0 ? `${id}${suffix}` : `${id.slice(0, slash)}${suffix}${id.slice(slash)}`;
    };
    for (const section of sections) allSections.push({ ...section, id: renameSection(section.id) });
    for (const passage of passages) {
      const extra = Array.from({ length: WORDS_PER_COPIED_PASSAGE }, () => syntheticWord(random)).join(' ');
      const copied: Passage = {
        ...passage,
        id: renamePassage(passage.id),
        sectionId: renameSection(passage.sectionId),
        text: `${passage.text} ${extra}`,
        markdown: `${passage.markdown} ${extra}`,
      };
      if (passage.leadId) copied.leadId = renamePassage(passage.leadId);
      allPassages.push(copied);
      const examples = examplesOf.get(passage.id);
      const word = extra.split(' ')[0]!;
      if (examples)
        bankPassages.push({ passageId: copied.id, examples: examples.map((e) => `${e} ${word}`) });
    }
  }
  return {
    ...kb,
    guideline: { ...kb.guideline, sections: allSections, passages: allPassages },
    bank: { ...kb.bank, passages: bankPassages },
    hash: `${kb.hash}-x${factor}`,
  };
}
