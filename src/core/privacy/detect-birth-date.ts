import type { PiSpan } from './pi-kinds';

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = [
  String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`,
  String.raw`\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}`,
  String.raw`(?:${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?`,
  String.raw`\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH})\.?(?:,?\s+\d{4})?`,
  String.raw`(?:${MONTH})\.?,?\s+\d{4}`,
  // A bare year only counts after "born in".
  String.raw`(?<=born\s+in\s+)\d{4}`,
].join('|');
// The words that make a date a birth date; the date follows within a few joining words.
const CUE = String.raw`\b(?:d\.?o\.?b\b\.?|date\s+of\s+birth|birth\s*date|birthday|born)`;
const BIRTH_DATE = new RegExp(
  String.raw`${CUE}(?:[\s:,=-]|\bis\b|\bwas\b|\bon\b|\bin\b|\bof\b){0,8}?\b(${DATE})(?![\w/-])`,
  'gi',
);

/** Dates written after "born", "DOB", "date of birth" or "birthday"; other dates are not personal. */
export function findBirthDates(text: string): PiSpan[] {
  return [...text.matchAll(BIRTH_DATE)].map((m) => {
    const end = m.index + m[0].length;
    return { kind: 'dateOfBirth' as const, start: end - m[1]!.length, end };
  });
}
