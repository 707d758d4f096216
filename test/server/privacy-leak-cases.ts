/** A message with personal information, and the strings of it that must be kept nowhere. */
export interface LeakCase {
  text: string;
  secrets: string[];
}

const ZWSP = '\u200b';
const SHY = '\u00ad';

// Each kind in several formats, placed in questions staff really ask. Secrets are literal: what must vanish.
const emails: LeakCase[] = [
  {
    text: 'A citizen emailed jane.doe@gmail.com about our post',
    secrets: ['jane.doe@gmail.com', 'jane.doe'],
  },
  { text: 'can I add JOHN_SMITH+news@Shaw.CA to the list', secrets: ['JOHN_SMITH+news@Shaw.CA'] },
  { text: 'he wrote from t.nguyen@telus.net asking for the photos', secrets: ['t.nguyen@telus.net'] },
  { text: 'is mary@example.org ok for the contest page?', secrets: ['mary@example.org'] },
  { text: `reply to priya${ZWSP}.sharma@gmail.com about the comment`, secrets: ['sharma@gmail', 'priya'] },
  { text: `her address is k.lee${SHY}@shaw.ca, can I DM her?`, secrets: ['k.lee', 'lee@shaw', 'shaw.ca'] },
  { text: `contact bob${ZWSP}@${ZWSP}example.com for the video`, secrets: ['bob', 'example.com'] },
  {
    text: 'write to john dot smith at example dot com about it',
    secrets: ['john dot smith', 'example dot com'],
  },
  { text: 'her email is anna [at] shaw [dot] ca, can I reply?', secrets: ['anna', 'shaw [dot] ca'] },
  { text: 'reach me: m.tremblay (at) videotron (dot) ca', secrets: ['tremblay', 'videotron'] },
];

const phones: LeakCase[] = [
  { text: 'A resident left her number (250) 555-0199 in a comment', secrets: ['555-0199'] },
  { text: 'call him back at 604-555-0123 about the complaint', secrets: ['604-555-0123', '555-0123'] },
  { text: 'his cell is 778.555.0144, should I call?', secrets: ['778.555.0144', '555.0144'] },
  { text: 'reach me on +1 236 555 0101 after 5', secrets: ['236 555 0101'] },
  { text: 'number is 2505550188 in the screenshot', secrets: ['2505550188'] },
  { text: 'she posted 1-250-555-0177 on our wall', secrets: ['250-555-0177'] },
  { text: 'call 250 - 555 - 0199 for the winner', secrets: ['555 - 0199', '250 - 555'] },
  { text: 'his number 2 5 0 5 5 5 0 1 9 9 was in the reply', secrets: ['2 5 0 5 5 5 0 1 9 9'] },
  { text: 'text 555-0166 for the prize', secrets: ['555-0166'] },
  { text: 'phone 604 555 0142 was in a tweet', secrets: ['604 555 0142'] },
];

const sins: LeakCase[] = [
  { text: 'A man posted his SIN 046 454 286 in a comment', secrets: ['046 454 286'] },
  { text: 'SIN: 046-454-286 was in the DM', secrets: ['046-454-286'] },
  { text: 'her sin is 130692544, what do I do?', secrets: ['130692544'] },
  { text: 'he typed his SIN 046.454.286 under our post', secrets: ['046.454.286'] },
  { text: 'SIN 046/454/286 appeared in a screenshot', secrets: ['046/454/286'] },
  { text: 'my SIN is 130 692 544, can you check it?', secrets: ['130 692 544'] },
  { text: 'sin 130-692-544 in a reply to our tweet', secrets: ['130-692-544'] },
  { text: 'someone posted 046 - 454 - 286 as their SIN', secrets: ['454 - 286', '046 - 454'] },
];

const phns: LeakCase[] = [
  { text: 'A patient tweeted her PHN 9698 658 215 at us', secrets: ['9698 658 215'] },
  { text: 'care card 9698658215 was in the photo', secrets: ['9698658215'] },
  { text: 'PHN 9698-658-215, can we keep the screenshot?', secrets: ['9698-658-215'] },
  { text: 'his PHN 9698.658.215 was in the comment', secrets: ['9698.658.215'] },
];

const addresses: LeakCase[] = [
  { text: 'He lives at 1234 Main St, can I mail him the prize?', secrets: ['1234 Main St'] },
  { text: 'the winner is at #204-1011 Fort Street, Victoria', secrets: ['1011 Fort Street'] },
  { text: 'send it to 42 oak bay avenue please', secrets: ['42 oak bay avenue'] },
  { text: 'her address is 3150 Shelbourne Road in Saanich', secrets: ['3150 Shelbourne Road'] },
  { text: 'deliver to 17 Cedar Hill Crescent', secrets: ['17 Cedar Hill Crescent'] },
  { text: 'they are at 88 Harbour Way, can we post a photo of the house?', secrets: ['88 Harbour Way'] },
  { text: 'postal code V8W 9V1 was in the comment', secrets: ['V8W 9V1'] },
  { text: 'mail to postal code v9a-3k2 please', secrets: ['v9a-3k2'] },
];

const birthDates: LeakCase[] = [
  { text: 'his DOB is 1985-03-12 and he wants his account removed', secrets: ['1985-03-12'] },
  { text: 'date of birth: 12/03/1985 was in the form', secrets: ['12/03/1985'] },
  { text: 'she was born on 4 July 1990, can I congratulate her publicly?', secrets: ['4 July 1990'] },
  {
    text: "a follower posted her daughter's birthday, March 3, 2015, in the comments",
    secrets: ['March 3, 2015'],
  },
];

const health: LeakCase[] = [
  { text: 'my wife needs Medication A every day, can I mention that in a post?', secrets: ['Medication A'] },
  { text: "my coworker's cancer diagnosis came up in a thread", secrets: ['cancer'] },
  { text: 'her son has autism and she posted about it on our page', secrets: ['autism'] },
  { text: 'my mother is in the hospital so I will be slow to moderate', secrets: ['in the hospital'] },
  { text: 'his daughter is pregnant and wants the photo taken down', secrets: ['pregnant'] },
  {
    text: 'my dad has cancer and needs chemo, can I ask followers for support?',
    secrets: ['cancer', 'chemo'],
  },
  { text: 'my son is on Ritalin, can I post about ADHD awareness month?', secrets: ['Ritalin'] },
  { text: 'I was diagnosed with cancer, can I post about my leave?', secrets: ['diagnosed with cancer'] },
  { text: 'I have diabetes and need breaks while moderating', secrets: ['diabetes'] },
  {
    text:
      'My wife, who has worked for the ministry for more than twenty years and still loves her team and ' +
      'the work they do together every day, was diagnosed with leukemia in the spring',
    secrets: ['leukemia'],
  },
  { text: 'my brother takes Prozac and posted about it', secrets: ['Prozac'] },
  { text: "I'm on antidepressants, can I still moderate comments?", secrets: ['antidepressants'] },
  { text: 'my husband had a heart attack last week', secrets: ['heart attack'] },
  { text: 'her mom has dementia and posted our photo', secrets: ['dementia'] },
];

// Names typed in free text: the tagger (compromise) reads them in context.
const names: LeakCase[] = [
  'Priya Sharma',
  'John Smith',
  'Wei Zhang',
  'Jane Doe',
  'Mohammed Al-Rashid',
  'Alex Wilber',
  'Sarah Thompson',
  'Kevin MacDonald',
  'Maria Garcia',
  'David Chen',
  'Emily Wong',
  'Raj Patel',
  'Olivia Brown',
  'Daniel Kim',
  'Fatima Hassan',
  'Liam O’Brien',
  'Sofia Rossi',
  'Noah Williams',
  'Aisha Khan',
  'Lucas Martin',
].flatMap((name) => [
  { text: `my coworker ${name} posted a photo of me, can I ask for it to come down?`, secrets: [name] },
  { text: `Can ${name} approve the post for our page?`, secrets: [name] },
  { text: `I forwarded the comment from ${name} to my manager`, secrets: [name] },
]);

const mixed: LeakCase[] = [
  {
    text: 'Jane (jane@shaw.ca, 250-555-0133) lives at 12 Elm Street',
    secrets: ['jane@shaw.ca', '555-0133', '12 Elm Street'],
  },
  {
    text: 'Dave Wilson emailed dave.w@gmail.com with his SIN 046 454 286',
    secrets: ['Dave Wilson', 'dave.w', '046 454 286'],
  },
  { text: 'my manager Lisa Park said her son is on Adderall', secrets: ['Lisa Park', 'Adderall'] },
  { text: `call Tom Baker at 604${ZWSP}-555-0123`, secrets: ['Tom Baker', '555-0123'] },
  { text: 'Priya asked me to post her number 778-555-0144', secrets: ['Priya', '778-555-0144'] },
  {
    text: 'Hi, I am Chris Evans and my email is chris.evans@outlook.com',
    secrets: ['Chris Evans', 'chris.evans'],
  },
];

// The same kinds, written with invisible characters in the middle, which are removed before detection.
const hidden: LeakCase[] = [
  { text: `my SIN is 046${ZWSP}454${ZWSP}286`, secrets: ['046454286', `046${ZWSP}454`] },
  { text: `number 250${SHY}555${SHY}0199 please`, secrets: ['2505550199', `250${SHY}555`] },
  { text: `email a${ZWSP}n${ZWSP}n@shaw.ca now`, secrets: ['ann@shaw.ca', 'shaw.ca'] },
  { text: `reach Sam Reid at\u2060 sam.reid@telus.net`, secrets: ['Sam Reid', 'sam.reid'] },
];

const more: LeakCase[] = [
  {
    text: 'a commenter gave her home address, 5120 Cordova Bay Road, in the thread',
    secrets: ['5120 Cordova Bay Road'],
  },
  { text: 'his date of birth is 1979-11-30, should I hide the comment?', secrets: ['1979-11-30'] },
  { text: 'my sister is in rehab and someone mentioned it on our post', secrets: ['in rehab'] },
  { text: 'the winner gave her phone as 250.555.0110', secrets: ['250.555.0110'] },
  { text: 'her PHN is 9698 658 215 and she wants it removed', secrets: ['9698 658 215'] },
  { text: 'the email k.smith@hotmail.com was in the DM', secrets: ['k.smith@hotmail.com'] },
  { text: 'my colleague has PTSD and asked me not to tag her', secrets: ['PTSD'] },
  { text: 'his wife has epilepsy and he posted about it', secrets: ['epilepsy'] },
  { text: 'born 1992-07-04, she asked us to remove the photo', secrets: ['1992-07-04'] },
  { text: 'DOB: 07/04/1992 was visible in the screenshot', secrets: ['07/04/1992'] },
  { text: 'the poster lives at 700 Yates Street, apartment 12', secrets: ['700 Yates Street'] },
  { text: 'send the prize to 1515 Douglas Street', secrets: ['1515 Douglas Street'] },
  { text: 'postal code V8V 1X4 appeared in the reply', secrets: ['V8V 1X4'] },
  { text: 'write to sam dot lee at gmail dot com for the form', secrets: ['sam dot lee', 'gmail dot com'] },
  { text: 'her email is r.singh@yahoo.ca, can I reply there?', secrets: ['r.singh@yahoo.ca'] },
  { text: 'his number is (604) 555-0178, he wants a call back', secrets: ['555-0178'] },
  { text: 'call +1 (778) 555-0190 to reach the winner', secrets: ['555-0190'] },
  { text: 'his SIN 130 692 544 is in the photo', secrets: ['130 692 544'] },
  { text: 'my daughter has leukemia and friends shared our post', secrets: ['leukemia'] },
  { text: 'my father was hospitalized and I missed the post', secrets: ['hospitalized'] },
  { text: 'our client is on methadone and commented publicly', secrets: ['methadone'] },
  {
    text: 'I was diagnosed with depression last year, can I post about mental health week?',
    secrets: ['depression'],
  },
  { text: 'my partner is on insulin and works with me on the page', secrets: ['insulin'] },
  { text: 'Ask Megan Clarke whether the post went out', secrets: ['Megan Clarke'] },
];

/** 150 messages or more, every kind and format the guard knows. */
export const LEAK_CASES: LeakCase[] = [
  ...emails,
  ...phones,
  ...sins,
  ...phns,
  ...addresses,
  ...birthDates,
  ...health,
  ...names,
  ...mixed,
  ...hidden,
  ...more,
];

/**
 * Ordinary questions about the guideline, with its own terms, numbers and names: the guard must leave
 * every one exactly as typed (nothing to remove, nothing to remind about).
 */
export const ORDINARY_QUESTIONS: string[] = [
  'Do I need PAB approval before posting?',
  'What is Option 3 for a social media account?',
  'Can I call 1-866-660-0811 for help?',
  "Does the Minister's Office need to approve a post?",
  'What does Citizen Engagement do?',
  'Who approves a new Twitter account?',
  'Can I post a photo of a member of the public?',
  'Do I need a PIA to set up a Facebook page?',
  'How long do we keep social media records?',
  'Can I livestream a town hall?',
  'What are the rules for contests on Instagram?',
  'Can staff reply to comments from their personal accounts?',
  'Who do I contact about an information incident?',
  'What is a privacy breach?',
  'Can we delete offensive comments?',
  'Do I need consent to post a photo of children?',
  'Can I use a stock photo on our page?',
  'What should I do if someone posts personal information in a comment?',
  'How do I archive a deleted post?',
  'Is LinkedIn covered by the guideline?',
  'Can I run ads on Facebook?',
  'What does FOIPPA say about social media?',
  'Who is the Government Communications and Public Engagement contact?',
  'Does the guideline apply to YouTube?',
  'Can we use a hashtag campaign during an election?',
  'What is the Digital Engagement team?',
  'Can I post during the interim period before an election?',
  'Do we need a moderation policy?',
  'How do I report a fake government account?',
  'Can I share a news article on our page?',
  'What is an official government account?',
  'Should I email citizenengagement@gov.bc.ca before launching a page?',
  'Can I collect email addresses through a contest?',
  'What is the approval process for a new channel?',
  'Do records of comments need to be kept?',
  'Can contractors manage our social media account?',
  'What do I do if a post goes viral?',
  'Can I tag the Premier in a post?',
  'Who can speak for the ministry on social media?',
  'How do we handle a complaint on Twitter?',
  'Can we use a photo from a public event?',
  'What does the guideline say about accessibility?',
  'Do I need a privacy impact assessment for a survey?',
  'Can I post in French as well as English?',
  'What is the review process for sensitive posts?',
  'Can we block a user who harasses staff?',
  'How should we respond to misinformation?',
  'Is TikTok allowed for ministry accounts?',
  'Can I use my own phone to post for the ministry?',
  'What counts as a transitory record?',
  'Do I need approval from Government Communications for a campaign?',
  'Can we run a poll on our page?',
];
