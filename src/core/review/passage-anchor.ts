import type { Guideline, Passage } from '../knowledge/guideline';
import { findPassage } from '../knowledge/load-bank';

/** Anchors are this many words at first, longer only when they would not be unique in their section. */
const MIN_ANCHOR_WORDS = 6;
const MAX_ANCHOR_WORDS = 12;

/**
 * A few words copied verbatim from the passage that pick it and no other passage of its section (as the
 * question bank points at passages): the shortest unique run from the start, else from as early as can be.
 */
export function anchorFor(guideline: Guideline, passage: Passage): string {
  const list = passage.text.split(/\s+/).filter(Boolean);
  // Runs that stop mid-clause ("transitory (for", "such as,") read badly: taken only when nothing else is unique.
  for (const tidyOnly of [true, false])
    for (let start = 0; start < list.length; start++)
      for (let length = Math.min(MIN_ANCHOR_WORDS, list.length); length <= MAX_ANCHOR_WORDS; length++) {
        if (start + length > list.length) break;
        const anchor = list.slice(start, start + length).join(' ');
        if (tidyOnly && /[,;:"“‘-]$|\(\S*$/.test(anchor)) continue;
        const found = findPassage(guideline, passage.sectionId, anchor);
        if (typeof found !== 'string' && found.id === passage.id) return anchor;
      }
  // A passage no unique run of words picks (a repeated paragraph): its whole text.
  return passage.text;
}

/** The first words of a text, for a one-line preview. */
export function startOf(text: string, chars = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > chars ? `${flat.slice(0, chars).replace(/\s\S*$/, '')}…` : flat;
}
