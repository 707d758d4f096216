import type { Guideline } from '../knowledge/guideline';
import { citationOf, toContact } from '../knowledge/reply-sources';
import type { ContactEntry } from '../knowledge/schema';
import { normalizeText } from '../search/text';
import type { Citation, Contact } from '../types';
import type { DialogPointFile } from './schema';
import type { DialogPoint } from './types';

/** What points are checked against: the guideline and the contacts. */
export interface PointSources {
  guideline: Guideline;
  contacts: ContactEntry[];
}

/** A problem found at a path inside a dialog file. */
export class DialogProblem extends Error {
  constructor(
    readonly at: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

const folded = (text: string): string => normalizeText(text).replace(/\s+/g, ' ').trim();

/** Resolves a point's citations, quote and contacts, or throws a DialogProblem naming what is missing. */
export function compilePoint(
  sources: PointSources,
  point: DialogPointFile,
  at: (string | number)[],
): DialogPoint {
  const citations = point.cite.map((id, i) => citationFor(sources.guideline, id, [...at, 'cite', i]));
  const passages = [];
  if (point.quote) {
    const quote = folded(point.quote);
    const found = sources.guideline.passages.find(
      (p) => point.cite.includes(p.sectionId) && folded(p.text).includes(quote),
    );
    if (!found)
      throw new DialogProblem(
        [...at, 'quote'],
        `the quote is not word for word in the cited section${point.cite.length > 1 ? 's' : ''} (${point.cite.join(', ')})`,
      );
    passages.push({ text: point.quote, citation: citations[point.cite.indexOf(found.sectionId)]! });
  }
  const contacts = (point.contacts ?? []).map((id, i) =>
    contactFor(sources.contacts, id, [...at, 'contacts', i]),
  );
  return { say: point.say, passages, citations, contacts };
}

function citationFor(guideline: Guideline, sectionId: string, at: (string | number)[]): Citation {
  const section = guideline.sections.find((s) => s.id === sectionId);
  if (!section) throw new DialogProblem(at, `no section has the id "${sectionId}" in guidelines.md`);
  return citationOf(guideline.meta, section);
}

export function contactFor(contacts: ContactEntry[], id: string, at: (string | number)[]): Contact {
  const entry = contacts.find((c) => c.id === id);
  if (!entry) throw new DialogProblem(at, `no contact has the id "${id}" in contacts.yaml`);
  return toContact(entry);
}
