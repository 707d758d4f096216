import type { ContactsFile } from '../knowledge/schema';
import type { NotPersonal } from './detect-identifiers';
import type { PrivacyKnowledge } from './privacy-file';

/** The allow-list the guard uses: privacy.yaml's, plus every phone number published in contacts.yaml. */
export function notPersonalFrom(
  privacy: PrivacyKnowledge,
  kb: { contacts: Pick<ContactsFile, 'contacts'> },
): NotPersonal {
  return {
    emailDomains: privacy.notPersonal.emailDomains,
    phones: [
      ...privacy.notPersonal.phones,
      ...kb.contacts.contacts.flatMap((c) => (c.phones ?? []).map((p) => p.number)),
    ],
  };
}
