import { normalizeText } from '../search/text';
import { findAddresses } from './detect-address';
import { findBirthDates } from './detect-birth-date';
import { findHealthDetails } from './detect-health-detail';
import { findNames } from './detect-names';
import { KNOWLEDGE_WORDS } from './not-personal';
import { findSpelledEmails } from './detect-spelled-email';
import { findEmails, findNumbers, findPostalCodes, type NotPersonal } from './detect-identifiers';
import { PLACEHOLDERS, type PiKind, type PiSpan } from './pi-kinds';

/** What the guard found in a message, and the message with each finding replaced by its placeholder. */
interface GuardResult {
  /** Kinds found, without repeats, in the order found (by place in the text; a later pass adds after). */
  found: PiKind[];
  redacted: string;
}

/** Government business contact details, which FOIPPA does not count as personal information. */
const DEFAULT_NOT_PERSONAL: NotPersonal = { emailDomains: ['gov.bc.ca'], phones: [] };

/** Every stretch of personal information in a text; overlapping findings merge into the earlier one. */
function findPersonalInformation(text: string, allow: NotPersonal = DEFAULT_NOT_PERSONAL): PiSpan[] {
  // Order matters for overlaps: identifiers with check digits beat looser patterns over the same digits.
  const all = [
    ...findEmails(text, allow),
    ...findSpelledEmails(text),
    ...findNumbers(text, allow),
    ...findBirthDates(text),
    ...findAddresses(text),
    ...findPostalCodes(text),
    ...findHealthDetails(text),
    ...findNames(text, allow.knownWords ?? KNOWLEDGE_WORDS),
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

// Replacing a finding can expose another: "St.555-0199" is no phone number after a word, but once the
// address before it is "[address]", it is. Redaction repeats until nothing new is found (twice in practice).
const MAX_PASSES = 4;

/**
 * Finds personal information in a message and replaces it with placeholders ([email], [phone], [SIN],
 * [PHN], [address], [date of birth], [health detail]). Never throws; the text is normalised first, as the
 * core reads it, so look-alike characters cannot hide a number.
 */
export function guardPersonalInformation(
  text: string,
  allow: NotPersonal = DEFAULT_NOT_PERSONAL,
): GuardResult {
  let redacted = normalizeText(text);
  const found = new Set<PiKind>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const spans = findPersonalInformation(redacted, allow);
    if (!spans.length) break;
    for (const span of spans) found.add(span.kind);
    redacted = replaceSpans(redacted, spans);
  }
  return { found: [...found], redacted: found.size ? redacted : text };
}

function replaceSpans(text: string, spans: PiSpan[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const span of spans) {
    parts.push(text.slice(from, span.start), PLACEHOLDERS[span.kind]);
    from = span.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
