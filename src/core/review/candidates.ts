import type { KnowledgeBase } from '../knowledge/load-knowledge';
import type { Understander } from '../understand/understand';
import { anchorFor, startOf } from './passage-anchor';

/** A passage the model thinks a question may be about, as an owner reviews it. */
export interface Candidate {
  section: string;
  /** The section's place in the guideline ("Appendix A › Privacy"). */
  label: string;
  /** Verbatim words that pick the passage (the question bank's anchor). */
  anchor: string;
  /** The start of the passage. */
  start: string;
  /** The model's passage score: P(its class) + textWeight x similarity to the passage text. */
  score: number;
}

/** Finds the model's best passages for a question: what `guidebot report` and `knowledge suggest` show. */
export type CandidateFinder = (question: string) => Candidate[];

export function candidateFinder(kb: KnowledgeBase, understander: Understander, count = 3): CandidateFinder {
  const labels = new Map(kb.guideline.sections.map((s) => [s.id, s.path.join(' › ')]));
  const anchors = new Map<string, string>();
  return (question) =>
    understander
      .understand(question)
      .passages.slice(0, count)
      .map(({ passage, score }) => {
        let anchor = anchors.get(passage.id);
        if (anchor === undefined) anchors.set(passage.id, (anchor = anchorFor(kb.guideline, passage)));
        return {
          section: passage.sectionId,
          label: labels.get(passage.sectionId) ?? passage.sectionId,
          anchor,
          start: startOf(passage.text),
          score: Math.round(score * 1000) / 1000,
        };
      });
}
