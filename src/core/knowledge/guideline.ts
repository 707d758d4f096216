/** The guideline as the bot reads it: its metadata, its sections, and the passages they hold. */
import type { FrontMatter } from './schema';

export interface Section {
  id: string;
  title: string;
  /** 2 for a part (A-D, Appendix A), 3 for its subsections, 4 below that. */
  level: number;
  /** Titles from the part down to this section. */
  path: string[];
  line: number;
}

/** A paragraph or list item: the unit the bot quotes. */
export interface Passage {
  /** `${sectionId}/${n}`, n counting from 1 within the section. */
  id: string;
  sectionId: string;
  /** Plain text: Markdown emphasis and links removed. */
  text: string;
  /** The passage as written in guidelines.md. */
  markdown: string;
  line: number;
  /** For a list item: the passage it hangs from (the paragraph that introduces the list, or the parent item). */
  leadId?: string;
}

export interface Guideline {
  meta: FrontMatter;
  sections: Section[];
  passages: Passage[];
}
