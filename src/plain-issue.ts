import type { z } from 'zod';

// Zod's own wording ("Invalid input: expected number, received NaN") begins so; a message a schema wrote
// for people does not, and is kept.
const LIBRARY_WORDING = /^(Invalid|Too (big|small)|Expected)/;

/** What is wrong with one setting, in plain words; the value is repeated only when it is a number. */
export function plainIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (!LIBRARY_WORDING.test(issue.message)) return issue.message;
  const shown = typeof value === 'string' && value.length <= 20 ? `"${value}"` : 'the value';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return `${shown} is not a whole number`;
      if (issue.expected === 'number') return `${shown} is not a number`;
      return 'has a value of the wrong kind';
    case 'too_small':
      if (issue.origin === 'string') return `is too short: at least ${String(issue.minimum)} characters`;
      return `${shown} is too small: the least allowed is ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long: at most ${String(issue.maximum)} characters`;
      return `${shown} is too large: the most allowed is ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'url'
        ? 'is not a URL of the right kind'
        : 'is not written in the expected form';
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return 'is not valid';
  }
}
