import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge';
import { DEFAULT_EVAL_FILE } from '../../../src/eval/run-eval';
import { guardPersonalInformation } from '../../../src/core/privacy/guard';
import { notPersonalFrom } from '../../../src/core/privacy/not-personal';
import { loadPrivacyKnowledge } from '../../../src/core/privacy/privacy-file';
import type { PiKind } from '../../../src/core/privacy/pi-kinds';

// The allow-list the product uses: privacy.yaml plus the numbers published in contacts.yaml.
const allow = notPersonalFrom(loadPrivacyKnowledge(), loadKnowledge());
const guard = (text: string) => guardPersonalInformation(text, allow);

interface Flagged {
  text: string;
  kinds: PiKind[];
  /** The personal information itself: none of it may survive redaction. */
  secrets: string[];
  /** Words of the question that must survive, so the bot can still answer it. */
  keeps?: string[];
}

const FLAGGED: Flagged[] = [
  // email addresses
  {
    text: 'A citizen emailed jane.doe@gmail.com about our post, can I reply from my personal account?',
    kinds: ['email'],
    secrets: ['jane.doe@gmail.com', 'jane.doe'],
    keeps: ['reply from my personal account'],
  },
  {
    text: 'can I add JOHN_SMITH+news@Shaw.CA to our newsletter list',
    kinds: ['email'],
    secrets: ['JOHN_SMITH+news@Shaw.CA'],
  },
  {
    text: 'someone wrote to me at t.nguyen@telus.net (his home email) asking about the program',
    kinds: ['email'],
    secrets: ['t.nguyen@telus.net'],
  },
  {
    text: 'is mary@example.org an ok address to put on the contest page?',
    kinds: ['email'],
    secrets: ['mary@example.org'],
  },
  // phone numbers
  {
    text: 'A resident left her number (250) 555-0199 in a comment, do I delete it?',
    kinds: ['phone'],
    secrets: ['555-0199', '(250) 555-0199'],
    keeps: ['in a comment, do I delete it?'],
  },
  { text: 'call him back at 604-555-0123 about the complaint', kinds: ['phone'], secrets: ['604-555-0123'] },
  { text: 'his cell is 778.555.0144', kinds: ['phone'], secrets: ['778.555.0144'] },
  { text: 'reach me on +1 236 555 0101 after 5', kinds: ['phone'], secrets: ['236 555 0101'] },
  { text: 'number is 2505550188', kinds: ['phone'], secrets: ['2505550188'] },
  { text: 'she posted her number 1-250-555-0177 on our wall', kinds: ['phone'], secrets: ['250-555-0177'] },
  { text: 'text 555-0166 for the winner', kinds: ['phone'], secrets: ['555-0166'] },
  // A phone number written straight before another number: the run is split, as nothing else claims it.
  { text: 'text 555-0199 250 times a day', kinds: ['phone'], secrets: ['555-0199'], keeps: ['250 times'] },
  // A phone number written straight before a street number (found by the guard's property test).
  {
    text: 'reach him at 555-0199 250 Main St',
    kinds: ['phone', 'address'],
    secrets: ['555-0199', '250 Main St'],
  },
  // Social Insurance Numbers (valid Luhn)
  {
    text: 'A man posted his SIN 046 454 286 in a comment on our page, what do I do?',
    kinds: ['sin'],
    secrets: ['046 454 286'],
    keeps: ['in a comment on our page'],
  },
  { text: 'SIN: 046-454-286', kinds: ['sin'], secrets: ['046-454-286'] },
  { text: 'her sin is 130692544', kinds: ['sin'], secrets: ['130692544'] },
  // BC Personal Health Numbers (first digit 9, valid check digit)
  { text: 'A patient tweeted her PHN 9698 658 215 at us', kinds: ['phn'], secrets: ['9698 658 215'] },
  { text: 'care card 9698658215 was in the photo', kinds: ['phn'], secrets: ['9698658215'] },
  {
    text: 'PHN 9698-658-215, can we keep the screenshot?',
    kinds: ['phn'],
    secrets: ['9698-658-215'],
    keeps: ['can we keep the screenshot?'],
  },
  // street addresses
  {
    text: 'He lives at 1234 Main St, can I mail him the prize?',
    kinds: ['address'],
    secrets: ['1234 Main St'],
    keeps: ['can I mail him the prize?'],
  },
  {
    text: 'the winner is at #204-1011 Fort Street, Victoria',
    // "Victoria" reads as a name too: removed with the rest, which costs the question nothing.
    kinds: ['address', 'name'],
    secrets: ['#204-1011 Fort Street'],
  },
  { text: 'send it to 42 oak bay avenue please', kinds: ['address'], secrets: ['42 oak bay avenue'] },
  {
    text: 'her address is 3150 Shelbourne Road in Saanich',
    kinds: ['address'],
    secrets: ['3150 Shelbourne Road'],
  },
  { text: 'deliver to 17 Cedar Hill Crescent', kinds: ['address'], secrets: ['17 Cedar Hill Crescent'] },
  // A lowercase street type after the street ("pl" on the next line) does not hide the street before it.
  { text: 'lives at 3150 Shelbourne Road\npL', kinds: ['address'], secrets: ['3150 Shelbourne Road'] },
  {
    text: 'they are at 88 Harbour Way, can we post a photo of the house?',
    kinds: ['address'],
    secrets: ['88 Harbour Way'],
  },
  { text: 'mail it to PO Box 9411, Stn Prov Govt', kinds: ['address'], secrets: ['PO Box 9411'] },
  { text: 'postal code V8W 9V1 was in the comment', kinds: ['address'], secrets: ['V8W 9V1'] },
  // dates of birth
  {
    text: "a follower posted her daughter's birthday, March 3, 2015, in the comments",
    kinds: ['dateOfBirth'],
    secrets: ['March 3, 2015'],
  },
  {
    text: 'his DOB is 1985-03-12 and he wants his account removed',
    kinds: ['dateOfBirth'],
    secrets: ['1985-03-12'],
  },
  { text: 'date of birth: 12/03/1985', kinds: ['dateOfBirth'], secrets: ['12/03/1985'] },
  {
    text: 'she was born on 4 July 1990, can I congratulate her publicly?',
    kinds: ['dateOfBirth'],
    secrets: ['4 July 1990'],
  },
  { text: 'the contest winner was born in 2009', kinds: ['dateOfBirth'], secrets: ['2009'] },
  // third-party health or family details
  {
    text: 'John Smith posts, "My wife, Jane Smith, needs to take daily doses of Medication A." Can we keep it?',
    kinds: ['name', 'healthDetail'],
    secrets: ['John Smith', 'Jane Smith, needs', 'Medication A'],
    keeps: ['Can we keep it?'],
  },
  {
    text: 'my wife needs Medication A every day, can I mention that in a post?',
    kinds: ['healthDetail'],
    secrets: ['Medication A'],
    keeps: ['can I mention that in a post?'],
  },
  {
    text: "my coworker's cancer diagnosis came up in a thread, should I delete it?",
    kinds: ['healthDetail'],
    secrets: ['cancer diagnosis'],
    keeps: ['should I delete it?'],
  },
  {
    text: 'her son has autism and she posted about it on our page',
    kinds: ['healthDetail'],
    secrets: ['autism'],
  },
  {
    text: "Jane Doe's husband was diagnosed with diabetes, she wrote on our wall",
    kinds: ['healthDetail'],
    secrets: ['diabetes', "Jane Doe's husband"],
  },
  {
    text: 'my mother is in the hospital so I will be slow to moderate',
    kinds: ['healthDetail'],
    secrets: ['in the hospital'],
  },
  {
    text: 'his daughter is pregnant and wants the photo taken down',
    kinds: ['healthDetail'],
    secrets: ['pregnant'],
  },
  {
    text: 'our neighbour was arrested last week and someone tagged us',
    kinds: ['healthDetail'],
    secrets: ['arrested'],
  },
  {
    text: 'my dad has cancer and needs chemo, can I ask our followers for support?',
    kinds: ['healthDetail'],
    secrets: ['cancer', 'chemo'],
    keeps: ['can I ask our followers for support?'],
  },
  {
    text: 'My wife, who has diabetes, commented on our page',
    kinds: ['healthDetail'],
    secrets: ['diabetes'],
  },
  {
    text: 'my sister told me about her depression in a DM',
    kinds: ['healthDetail'],
    secrets: ['depression'],
  },
  // names typed in free text
  {
    text: 'John Smith posted his opinion about the new legislation, can I re-post it?',
    kinds: ['name'],
    secrets: ['John Smith'],
    keeps: ['posted his opinion about the new legislation, can I re-post it?'],
  },
  // several at once
  {
    text: 'Jane (jane@shaw.ca, 250-555-0133) lives at 12 Elm Street',
    kinds: ['name', 'email', 'phone', 'address'],
    secrets: ['Jane (', 'jane@shaw.ca', '250-555-0133', '12 Elm Street'],
  },
];

const NOT_FLAGGED: string[] = [
  // the OCIO numbers and government addresses
  'Who do I call about a breach? 250 387-7000 or toll-free 1-866-660-0811, then Option 3?',
  'is 250-387-7000 the right number for the OCIO?',
  'I called 1 866 660 0811 and got the service desk',
  'Should I email citizenengagement@gov.bc.ca about my Twitter plan?',
  'can I cc CitizenEngagement@gov.bc.ca and our PAB team at GCPE.Media@gov.bc.ca?',
  'my manager jane.smith@gov.bc.ca says to ask you',
  'write to records@gov.bc.ca or the MISO at miso.citz@gov.bc.ca',
  // section numbers, versions and other numbers
  'what does section 4.2.1 say about records?',
  'Appendix A, part 3, item 2: what is a PIA?',
  'see sections 26(c) and 33.1 of FOIPPA',
  'we have 1500 followers and 25 posts a week',
  'our budget is $12,500 for 2025-2026',
  'ticket 12345678 about the hacked account',
  // dates that are not birth dates
  'we posted the photo on March 3, 2024, should we take it down?',
  'the consultation closes 2025-12-31, when must comments be filed?',
  'the review-by date is 2027-01-15',
  'on 12/03/2024 someone commented with a complaint',
  // the person's own questions about policy
  'can I post a photo of a member of the public',
  "a member of the public posted his wife's medical details on our page, can we keep it?",
  'what do I do if someone posts health information about another person?',
  'can my manager approve a post about the new hospital?',
  'my boss asked me to tweet about surgery wait times',
  'can I post photos of my kids on my personal account?',
  'my colleague wants to start a Facebook group, who approves it?',
  'my manager is on leave, who approves posts about the new therapy program?',
  'my colleague is running the addiction services page, who approves replies?',
  'our manager is planning a cancer screening campaign post',
  'my boss has asked for a post regarding flu shot clinics and cancer screening',
  'can I use a photo of 3 people on Main Street for our campaign?',
  '3 tips for the road, can we post them?',
  'is it ok to mention that the minister was born in Victoria?',
];

describe('personal information guard: messages that hold personal information', () => {
  it.each(FLAGGED)('$text', ({ text, kinds, secrets, keeps }) => {
    const result = guard(text);
    expect(result.found).toEqual(kinds);
    for (const secret of secrets) expect(result.redacted).not.toContain(secret);
    for (const kept of keeps ?? []) expect(result.redacted).toContain(kept);
    // Redacting twice changes nothing: the placeholders themselves are not personal information.
    expect(guard(result.redacted)).toEqual({ found: [], redacted: result.redacted });
  });
});

describe('personal information guard: messages that must not be flagged', () => {
  it.each(NOT_FLAGGED)('%s', (text) => {
    expect(guard(text)).toEqual({ found: [], redacted: text });
  });

  it('flags none of the questions in the development evaluation set', () => {
    const questions = readFileSync(DEFAULT_EVAL_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { q: string }).q);
    expect(questions.length).toBeGreaterThan(50);
    expect(questions.filter((q) => guard(q).found.length)).toEqual([]);
  });
});

describe('check digits decide SIN and PHN', () => {
  it('does not take a 9-digit number that fails the Luhn check for a SIN', () => {
    expect(guard('reference 046 454 287').found).toEqual([]);
  });
  it('does not take a 10-digit number starting with 9 with a wrong check digit for a PHN', () => {
    expect(guard('PHN 9698 648 215').found).not.toContain('phn');
  });
});
