import fc from 'fast-check';
import { guardPersonalInformation } from '../../../src/core/privacy/guard';
import { PLACEHOLDERS } from '../../../src/core/privacy/pi-kinds';

// User text never throws, never hangs, and once redacted stays redacted.
const pieces = fc.constantFrom(
  'my wife ',
  'has cancer',
  ' 250 ',
  '555-0199',
  '@',
  'gmail.com',
  ' born ',
  '1985-03-12',
  ' Main St',
  '#',
  '12',
  ' ',
  '.',
  ',',
  '(',
  ')',
  '-',
  '9698',
  '046',
  'Medication A',
  "'s ",
  'diagnosed with ',
);
const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
);

// One identifier of each kind, and a part of it that must never be kept (and that no piece above holds).
const PLANTED = [
  { text: 'jane.doe@gmail.com', secret: 'jane.doe' },
  { text: 'call 604-555-0123', secret: '555-0123' },
  { text: 'SIN 046 454 286', secret: '046 454 286' },
  { text: 'PHN 9698 658 215', secret: '9698 658 215' },
  { text: 'lives at 3150 Shelbourne Road', secret: '3150 Shelbourne' },
  { text: 'DOB is 1979-11-23', secret: '1979-11-23' },
  {
    text: 'My wife, Jane Smith, needs daily doses of Medication A.',
    secret: 'Jane Smith, needs',
  },
] as const;

// User text never throws, never hangs, and once redacted stays redacted.
describe('personal information guard on any text', () => {
  it('never throws, and a second pass finds nothing new', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const first = guardPersonalInformation(input);
        const second = guardPersonalInformation(first.redacted);
        expect(second.found).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('removes an identifier of each kind whatever text surrounds it', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...PLANTED), anyText, (before, planted, after) => {
        const result = guardPersonalInformation(`${before}\n${planted.text}\n${after}`);
        // Overlapping findings merge into the earlier one's kind, so only the removal is certain.
        expect(result.redacted).not.toContain(planted.secret);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps each kind as its placeholder, in the order found', () => {
    const result = guardPersonalInformation('PHN 9698 658 215, email a.b@c.ca, SIN 046 454 286');
    expect(result.found).toEqual(['phn', 'email', 'sin']);
    expect(result.redacted).toBe(
      `PHN ${PLACEHOLDERS.phn}, email ${PLACEHOLDERS.email}, SIN ${PLACEHOLDERS.sin}`,
    );
  });

  it.each([
    ['digits and spaces', '1 '.repeat(1000)],
    ['relations without details', 'my wife '.repeat(250)],
    ['address-like words', '12 Main '.repeat(250)],
    ['dots and at signs', 'a.'.repeat(500) + '@' + 'b.'.repeat(500)],
    ['birth cues', 'born on '.repeat(250)],
  ])('answers quickly on 2,000 characters of %s', (_name, text) => {
    const started = performance.now();
    guardPersonalInformation(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

// Generous bounds for a shared machine: a quadratic pattern would take minutes on 200,000 characters.
it('stays fast on a 200,000-character message of relations and details', () => {
  const started = performance.now();
  const result = guardPersonalInformation('my wife has cancer and my son '.repeat(6700));
  expect(result.found).toEqual(['healthDetail']);
  expect(performance.now() - started).toBeLessThan(3000);
});
