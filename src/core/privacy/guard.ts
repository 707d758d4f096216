import { normalizeText } from '../search/text';
import { findAddresses } from './detect-address';
import { findBirthDates } from './detect-birth-date';
import { findHealthDetails } from './detect-health-detail';
import { findEmails, findNumbers, findPostalCodes, type NotPersonal } from './detect-identifiers';
import { PLACEHOLDERS, type PiKind, type PiSpan } from './pi-kinds';

/** What the guard found in a message, and the message with each finding replaced by its placeholder. */
export interface GuardResult {
  /** Kinds found, in the order they first appear, without repeats. */
  found: PiKind[];
  redacted: string;
}

/** Government business contact details, which FOIPPA does not count as personal information. */
export const DEFAULT_NOT_PERSONAL: NotPersonal = { emailDomains: ['gov.bc.ca'], phones: [] };

/** Every stretch of personal information in a text; overlapping findings merge into the earlier one. */
export function findPersonalInformation(text: string, allow: NotPersonal = DEFAULT_NOT_PERSONAL): PiSpan[] {
  // Order matters for overlaps: identifiers with check digits beat looser patterns over the same digits.
  const all = [
    ...findEmails(text, allow),
    ...findNumbers(text, allow),
    ...findBirthDates(text),
    ...findAddresses(text),
    ...findPostalCodes(text),
    ...findHealthDetails(text),
  ];
  const sorted = all
    .map((span, rank) => ({ span, rank }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.rank - b.rank)
    .map(({ span }) => span);
  const merged: PiSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Finds personal information in a message and replaces it with placeholders ([email], [phone], [SIN],
 * [PHN], [address], [date of birth], [health detail]). Never throws; the text is normalised first, as the
 * core reads it, so look-alike characters cannot hide a number.
 */
export function guardPersonalInformation(
  text: string,
  allow: NotPersonal = DEFAULT_NOT_PERSONAL,
): GuardResult {
  const clean = normalizeText(text);
  const spans = findPersonalInformation(clean, allow);
  const found = [...new Set(spans.map((s) => s.kind))];
  const parts: string[] = [];
  let from = 0;
  for (const span of spans) {
    parts.push(clean.slice(from, span.start), PLACEHOLDERS[span.kind]);
    from = span.end;
  }
  parts.push(clean.slice(from));
  const redacted = parts.join('');
  return { found, redacted: found.length ? redacted : text };
}
