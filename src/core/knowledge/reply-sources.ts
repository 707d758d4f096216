import type { Citation, Contact } from '../types';
import type { FrontMatter } from './schema';
import type { ContactEntry, ContactsFile } from './schema';
import type { Section } from './guideline';

/** The citation of a section, as answers and dialog outcomes carry it. */
export function citationOf(meta: Pick<FrontMatter, 'title' | 'version'>, section: Section): Citation {
  return {
    sectionId: section.id,
    sectionPath: section.path,
    label: section.path.join(' › '),
    documentTitle: meta.title,
    version: meta.version,
  };
}

/** A contact as replies carry it: without the sections that select it. */
export function toContact({ sections: _sections, ...contact }: ContactEntry): Contact {
  return contact;
}

/** The contact every fallback and escalation names (contacts.yaml `fallback`, checked when it loads). */
export function fallbackContact(file: Pick<ContactsFile, 'contacts' | 'fallback'>): Contact {
  return toContact(file.contacts.find((c) => c.id === file.fallback)!);
}
