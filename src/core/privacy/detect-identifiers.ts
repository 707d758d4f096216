import { digitsOf, isValidPhn, isValidSin } from './check-digits';
import type { PiSpan } from './pi-kinds';

/** Contact details that are not personal information: published government addresses and numbers. */
export interface NotPersonal {
  /** Email domains of government business addresses (subdomains included), e.g. gov.bc.ca. */
  emailDomains: string[];
  /** Published service numbers, in any format; compared by their digits. */
  phones: string[];
  /**
   * Capitalised words the guideline itself uses ("minister", "engagement"), lowercase: never taken for a
   * person's name. Unset: those of the knowledge last loaded (see notPersonalFrom).
   */
  knownWords?: ReadonlySet<string>;
}

// Left and right edges: the match must not be glued to other digits, words or number punctuation.
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])/gi;
// Digits with separators between them (spaces, dots, slashes, dashes with spaces around: "250 - 555 - 0199").
const NUMBER_RUN = /(?<![\w.,/+(-])(?:\+\s?)?\(?\d(?:[ ./()-]{0,3}\d){6,10}(?![\w-]|[.,/]\d)/g;
const POSTAL_CODE = /(?<![\w-])[abceghj-nprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d(?![\w-])/gi;
// North American numbers: +1, area code, exchange and line, with or without brackets and separators.
const PHONE = /^(?:\+?1[ .-]?)?(?:\(\s?([2-9]\d{2})\s?\)|([2-9]\d{2}))[ .-]?([2-9]\d{2})[ .-]?(\d{4})$/;
const LOCAL_PHONE = /^([2-9]\d{2})[.-](\d{4})$/;
// Toll-free numbers belong to organisations, never to a private person.
const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

/** Email addresses outside the government domains. */
export function findEmails(text: string, allow: NotPersonal): PiSpan[] {
  const domains = allow.emailDomains.map((d) => d.toLowerCase());
  return matches(text, EMAIL)
    .filter(({ value }) => {
      const domain = value.slice(value.lastIndexOf('@') + 1).toLowerCase();
      return !domains.some((d) => domain === d || domain.endsWith(`.${d}`));
    })
    .map(({ start, end }) => ({ kind: 'email', start, end }));
}

/**
 * Runs of digits that are a BC PHN (check digit), a SIN (Luhn) or a private phone number. A run that is
 * none of them as a whole is tried in parts split at spaces, longest first from the left: "555-0199 250 Main
 * St" is a phone number and a street number, not one 11-digit number.
 */
export function findNumbers(text: string, allow: NotPersonal): PiSpan[] {
  const published = allow.phones.flatMap(phoneNumbersIn);
  const spans: PiSpan[] = [];
  for (const run of matches(text, NUMBER_RUN)) {
    const parts = matches(run.value, /\S+/g);
    for (let from = 0; from < parts.length;) {
      let to = parts.length;
      for (; to > from; to--) {
        const start = run.start + parts[from]!.start;
        const end = run.start + parts[to - 1]!.end;
        const kind = numberKind(text.slice(start, end), published);
        if (kind) {
          spans.push({ kind, start, end });
          break;
        }
      }
      from = to > from ? to : from + 1;
    }
  }
  return spans;
}

function numberKind(value: string, published: string[]): PiSpan['kind'] | undefined {
  const digits = digitsOf(value);
  // Groups of digits between separators: "046 454 286", "046.454.286", "046/454/286", "046 - 454 - 286".
  const grouped = /^\d+(?:[ ./-]\d+)*$/.test(value.replace(/\s*-\s*/g, '-'));
  if (grouped && isValidPhn(digits)) return 'phn';
  if (grouped && isValidSin(digits)) return 'sin';
  if (isPrivatePhone(compactPhone(value), published)) return 'phone';
  return undefined;
}

/** "250 - 555 - 0199" as "250-555-0199", and digits spaced out one by one ("2 5 0 5 5 5 ...") run together. */
function compactPhone(value: string): string {
  if (/^\d(?: \d){6,}$/.test(value)) return digitsOf(value);
  return value.replace(/\s*([.-])\s*/g, '$1');
}

/** Canadian postal codes: part of a home address. */
export function findPostalCodes(text: string): PiSpan[] {
  return matches(text, POSTAL_CODE).map(({ start, end }) => ({ kind: 'address', start, end }));
}

function isPrivatePhone(value: string, published: string[]): boolean {
  const full = PHONE.exec(value);
  if (full) {
    const area = full[1] ?? full[2]!;
    const number = `${area}${full[3]}${full[4]}`;
    return !TOLL_FREE.has(area) && !published.includes(number);
  }
  const local = LOCAL_PHONE.exec(value);
  if (!local) return false;
  const number = `${local[1]}${local[2]}`;
  return !published.some((p) => p.endsWith(number));
}

/** The 10-digit numbers written in a text such as "250 387-7000 or toll-free 1-866-660-0811". */
function phoneNumbersIn(text: string): string[] {
  return matches(text, NUMBER_RUN).flatMap(({ value }) => {
    const digits = digitsOf(value);
    if (digits.length === 11 && digits.startsWith('1')) return [digits.slice(1)];
    return digits.length === 10 ? [digits] : [];
  });
}

/** Every match of a global pattern with its place. */
export function matches(text: string, pattern: RegExp): { value: string; start: number; end: number }[] {
  return [...text.matchAll(pattern)].map((m) => ({
    value: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}
