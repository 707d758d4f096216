import type { ContactsFile } from '../knowledge/schema';
import type { NotPersonal } from './detect-identifiers';
import { loadNameTagger } from './detect-names';
import type { PrivacyKnowledge } from './privacy-file';

/** The knowledge's own capitalised words, for guards given no allow-list (analytics, the turn journal). */
export const KNOWLEDGE_WORDS = new Set<string>();

/** What notPersonalFrom reads of the knowledge. */
export interface KnowledgeText {
  contacts: Pick<ContactsFile, 'contacts'>;
  guideline?: { sections?: Array<{ title: string }>; passages?: Array<{ text: string }> };
}

/**
 * The allow-list the guard uses: privacy.yaml's, every phone number published in contacts.yaml, and the
 * capitalised words of the guideline and contacts (section names, "Minister's Office"), never names.
 */
export function notPersonalFrom(privacy: PrivacyKnowledge, kb: KnowledgeText): NotPersonal {
  const texts = [
    ...(kb.guideline?.sections?.map((s) => s.title) ?? []),
    ...(kb.guideline?.passages?.map((p) => p.text) ?? []),
    ...kb.contacts.contacts.map((c) => c.name),
  ];
  // The guideline's own examples name people ("John Smith posts ..."): names stay names.
  const lexicon = loadNameTagger().model().one.lexicon;
  const knownWords = new Set<string>();
  for (const text of texts)
    for (const [word] of text.matchAll(/\b[A-Z][A-Za-z]*/g)) {
      const lower = word.toLowerCase();
      if (!/Name$|^Person$/.test(lexicon[lower] ?? '')) knownWords.add(lower);
    }
  for (const word of knownWords) KNOWLEDGE_WORDS.add(word);
  return {
    knownWords,
    emailDomains: privacy.notPersonal.emailDomains,
    phones: [
      ...privacy.notPersonal.phones,
      ...kb.contacts.contacts.flatMap((c) => (c.phones ?? []).map((p) => p.number)),
    ],
  };
}
