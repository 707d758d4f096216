import { createTestBot, last } from '../dialogs/bot-helpers';
import { removeTempDirs } from '../../helpers/knowledge-copy';

// One step decides what a message wants: a passage, a dialog, a person, small talk, or nothing we cover.
afterAll(removeTempDirs);

const NUMBERS = ['250 387-7000', '1-866-660-0811', 'supervisor or manager'];

describe('the router, asking the model once', () => {
  it.each([
    'i lost my phone',
    'someone got into our facebook page',
    'i clicked a phishing link',
    'emailed a file to the wrong person',
    "i tweeted a citizen's personal info by accident",
  ])('"%s" starts the incident report, with the numbers in the first reply', async (text) => {
    const t = createTestBot();
    const replies = await t.say(text);
    for (const phrase of NUMBERS) expect(replies[0]!.text).toContain(phrase);
    expect(last(replies).dialog).toMatchObject({ id: 'incident', ended: false });
  });

  it('answers "what is a PIA?" from the guideline instead of starting the privacy check', async () => {
    const t = createTestBot();
    const replies = await t.say('what is a PIA?');
    expect(replies[0]!.kind).toBe('answer');
    expect(replies[0]!.text).toContain('Privacy Impact Assessment');
    expect(replies.some((r) => r.dialog)).toBe(false);
  });

  it('falls back on a question the guideline does not cover, with the Citizen Engagement address', async () => {
    const t = createTestBot();
    const [reply] = await t.say('how do i submit my timesheet for overtime?');
    expect(reply!.kind).toBe('fallback');
    expect(reply!.passages).toEqual([]);
    expect(reply!.text).toContain('citizenengagement@gov.bc.ca');
  });

  it('greets a greeting with the greeting reply', async () => {
    const t = createTestBot();
    const [reply] = await t.say('hey there, good morning!');
    expect(reply!.kind).toBe('smalltalk');
    expect(reply!.text).toMatch(/^Hello! I answer questions about the BC Public Service guidelines/);
  });

  it('offers to pass "can i talk to a person" on to the Citizen Engagement team', async () => {
    const t = createTestBot();
    const [reply] = await t.say('can i talk to a person');
    expect(reply!.escalation?.contact.email).toBe('citizenengagement@gov.bc.ca');
    expect(reply!.choices.map((c) => c.id)).toEqual(['escalation:send', 'escalation:dont-send']);
  });

  it('shows the incident numbers beside an answer when an incident is plausible but not the best match', async () => {
    const t = createTestBot();
    const replies = await t.say('is a lost usb key a security issue?');
    expect(replies[0]!.kind).toBe('answer');
    expect(replies[0]!.citations.map((c) => c.sectionId)).toContain('appendix-a-information-security');
    for (const phrase of NUMBERS) expect(replies[0]!.text).toContain(phrase);
    expect(replies[0]!.contacts.map((c) => c.id)).toEqual(
      expect.arrayContaining(['supervisor', 'ocio-service-desk']),
    );
  });
});
