/** The kinds of personal information the guard looks for in a message. */
export type PiKind = 'email' | 'phone' | 'sin' | 'phn' | 'address' | 'dateOfBirth' | 'healthDetail';

/** What replaces each kind in everything the bot keeps: readable, and still searchable words. */
export const PLACEHOLDERS: Record<PiKind, string> = {
  email: '[email]',
  phone: '[phone]',
  sin: '[SIN]',
  phn: '[PHN]',
  address: '[address]',
  dateOfBirth: '[date of birth]',
  healthDetail: '[health detail]',
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
 * Redacted text as the model should read it: each placeholder as the words "personal information", which
 * is what it stands for. "[phone]" read as a word would look like "lost my phone" to the model.
 */
export function placeholdersAsWords(text: string): string {
  return text.replace(/\[[A-Za-z ]+\]/g, (found) =>
    BY_PLACEHOLDER.has(found) ? 'personal information' : found,
  );
}
