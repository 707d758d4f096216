import type { Contact } from './types';

/**
 * A contact's numbers in one line, each rendered by `show` (plain, or as a channel's tel: link), then its
 * note: "250 387-7000 or toll-free 1-866-660-0811, then choose Option 3".
 */
export function phoneLine(
  contact: Pick<Contact, 'phones' | 'phoneNote'>,
  show: (phone: { number: string; tel: string }) => string,
): string {
  const numbers = (contact.phones ?? []).map(show).join(' or ');
  return [numbers, contact.phoneNote].filter(Boolean).join(', ');
}
