/** The kinds of personal information the guard looks for in a message. */
export type PiKind = 'email' | 'phone' | 'sin' | 'phn' | 'address' | 'dateOfBirth' | 'healthDetail' | 'name';

/** What replaces each kind in everything the bot keeps: readable, and still searchable words. */
export const PLACEHOLDERS: Record<PiKind, string> = {
  email: '[email]',
  phone: '[phone]',
  sin: '[SIN]',
  phn: '[PHN]',
  address: '[address]',
  dateOfBirth: '[date of birth]',
  healthDetail: '[health detail]',
  name: '[name]',
};

/** A stretch of a message that holds personal information. */
export interface PiSpan {
  kind: PiKind;
  start: number;
  end: number;
}

const BY_PLACEHOLDER = new Map(Object.entries(PLACEHOLDERS).map(([kind, p]) => [p, kind as PiKind]));

/** The kinds whose placeholders appear in already-redacted text, in order, without repeats. */
export function placeholderKinds(text: string): PiKind[] {
  const kinds = new Set<PiKind>();
  for (const [placeholder] of text.matchAll(/\[[A-Za-z ]+\]/g)) {
    const kind = BY_PLACEHOLDER.get(placeholder);
    if (kind) kinds.add(kind);
  }
  return [...kinds];
}

/**
 * Redacted text as the model should read it: without its placeholders. "[phone]" read as a word looks like
 * "lost my phone"; read as "personal information" it pulled questions that merely held an email address
 * ("which pizza place delivers latest? jane@...") to the privacy passages.
 */
export function withoutPlaceholders(text: string): string {
  return text.replace(/\[[A-Za-z ]+\]/g, (found) => (BY_PLACEHOLDER.has(found) ? ' ' : found));
}
