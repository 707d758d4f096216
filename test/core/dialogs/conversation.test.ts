import { FEEDBACK_CHOICES } from '../../../src/core/types';
import { removeTempDirs } from '../../helpers/knowledge-copy';
import { createTestBot, last, realIndex, TTL_SECONDS } from './bot-helpers';

// A dialog inside a conversation: new questions, a person, feedback, sensitivity, expiry and privacy.
afterAll(removeTempDirs);

const approvals = () => realIndex().kb.dialogs.find((d) => d.id === 'approvals')!;
const askOf = (id: string) => approvals().steps.get(id)!.ask;

describe('while a dialog waits', () => {
  it('a new question is answered, with a choice to return; the dialog then carries on', async () => {
    const t = createTestBot();
    await t.say('should I involve PAB');
    const answer = last(await t.say('What has to be included in a collection notice?'));
    expect(answer.kind).toBe('answer');
    expect(answer.choices[0]!.label).toBe('Back to: Should I involve PAB?');
    const back = last(await t.click(answer.choices[0]!.id));
    expect(back.text).toContain(askOf(approvals().first));
    const next = last(await t.say('yes'));
    expect(next.text).toContain(askOf([...approvals().steps.keys()][1]!));
  });

  it('garbage re-asks the same question with a hint', async () => {
    const t = createTestBot();
    await t.say('should I involve PAB');
    const again = last(await t.say('asdf qwerty'));
    expect(again.kind).toBe('dialog');
    expect(again.text).toContain(approvals().messages.hint);
    expect(again.text).toContain(askOf(approvals().first));
  });
});

describe('asking for a person', () => {
  it('outside a dialog: the Citizen Engagement contact, the last question as the summary, and consent', async () => {
    const t = createTestBot();
    await t.say('Can I use my government job title to give my personal opinions more weight online?');
    const reply = last(await t.say('can I talk to a person?'));
    expect(reply.escalation?.contact.email).toBe('citizenengagement@gov.bc.ca');
    expect(reply.escalation?.summary).toContain('Can I use my government job title');
    expect(reply.escalation?.summary).not.toMatch(/U123|Jane/);
    expect(reply.escalation?.consentChoices.map((c) => c.label)).toEqual(['Send this to them', "Don't send"]);
    expect(reply.text).toContain(reply.escalation!.summary);
    expect(t.events[t.events.length - 1]!.escalation).toBe(true);
    const sent = last(await t.say('1'));
    expect(sent.text).toContain('Can I use my government job title');
    expect(sent.text).toContain('nothing was sent');
    const t2 = createTestBot();
    await t2.say('speak to a human');
    expect(last(await t2.say("Don't send")).text).toContain('Okay, nothing was sent.');
  });

  it('inside a dialog: the dialog and answers so far are the summary, and the dialog resumes', async () => {
    const t = createTestBot();
    await t.say('privacy check');
    await t.say('yes');
    const reply = last(await t.say('I want to speak to a human'));
    expect(reply.escalation?.summary).toContain('Privacy check (FOIPPA)');
    expect(reply.escalation?.summary).toContain('Contains personal information? Yes');
    expect(reply.sensitive).toBe(true);
    const resume = reply.choices.find((c) => c.label === 'Back to: Privacy check (FOIPPA)')!;
    const question = last(await t.click(resume.id));
    expect(question.dialog).toMatchObject({ id: 'privacy', ended: false });
    expect((await t.state())?.dialog?.answers).toHaveLength(1);
  });

  it('a longer question that merely mentions contacting someone is answered, not escalated', async () => {
    const t = createTestBot();
    const reply = last(
      await t.say('Who should I contact someone at about information security risks for our project?'),
    );
    expect(reply.escalation).toBeUndefined();
  });
});

describe('asking for a person during an incident report (issue 16 item 2)', () => {
  it('names the supervisor and the OCIO Service Desk first, then the Citizen Engagement team', async () => {
    const t = createTestBot();
    await t.say('our account was compromised');
    const replies = await t.say('talk to a person');
    expect(replies).toHaveLength(2);
    expect(replies[0]!.text).toContain('report it immediately to your supervisor or manager');
    expect(replies[0]!.text).toContain('250 387-7000 or toll-free 1-866-660-0811, then choose Option 3');
    expect(replies[0]!.contacts.map((c) => c.id)).toEqual(['supervisor', 'ocio-service-desk']);
    expect(replies[1]!.escalation?.contact.id).toBe('citizen-engagement');
  });

  it('right after the report ends too; later turns are ordinary again', async () => {
    const t = createTestBot();
    await t.say('report a breach');
    await t.say('no');
    const after = await t.say('talk to a person');
    expect(after[0]!.contacts.map((c) => c.id)).toEqual(['supervisor', 'ocio-service-desk']);
    const later = await t.say('hello');
    expect(later.map((r) => r.text).join('\n')).not.toContain('250 387-7000');
  });
});

describe('feedback', () => {
  it('answers carry feedback; a click gets a short thanks and is passed to observers', async () => {
    const t = createTestBot();
    const answer = last(
      await t.say('What does the loyalty part of the Standards of Conduct mean for my online activity?'),
    );
    expect(answer.kind).toBe('answer');
    expect(answer.feedback).toBe(true);
    const thanks = last(await t.click(FEEDBACK_CHOICES.helpful.id));
    expect(thanks.text).toBe(realIndex().kb.messages.feedback.helpful);
    expect(t.events[t.events.length - 1]!.feedback).toBe('helpful');
    await t.click(FEEDBACK_CHOICES.notHelpful.id);
    expect(t.events[t.events.length - 1]!.feedback).toBe('not-helpful');
  });
});

describe('sensitivity', () => {
  it('privacy and incident dialogs and answers on privacy or security are sensitive; approvals are not', async () => {
    const t = createTestBot();
    expect(last(await t.say('privacy check', 'p')).sensitive).toBe(true);
    expect(last(await t.say('report a breach', 'i')).sensitive).toBe(true);
    expect(last(await t.say('approvals', 'a')).sensitive).toBeUndefined();
    const privacy = last(await t.say('What has to be included in a collection notice?', 'q1'));
    expect(privacy.citations.map((c) => c.sectionId)).toContain('appendix-a-collection');
    expect(privacy.sensitive).toBe(true);
    const plain = last(await t.say('What are the main takeaways of the social media guidelines?', 'q2'));
    expect(plain.kind).toBe('answer');
    expect(plain.sensitive).toBeUndefined();
  });
});

describe('expiry', () => {
  it('a click after the conversation expired says so and offers to start again', async () => {
    const t = createTestBot();
    const question = last(await t.say('should I involve PAB'));
    t.clock.now += (TTL_SECONDS + 1) * 1000;
    const reply = last(await t.click(question.choices[0]!.id));
    expect(reply.text).toBe(approvals().messages.expired + '\n\n1. Start again');
    expect(last(await t.say('1')).dialog).toMatchObject({ id: 'approvals', ended: false });
  });

  it('a typed answer after expiry says nothing is waiting and lists the dialogs', async () => {
    const t = createTestBot();
    await t.say('should I involve PAB');
    t.clock.now += (TTL_SECONDS + 1) * 1000;
    const reply = last(await t.say('yes'));
    expect(reply.text).toContain(approvals().messages.nothingWaiting);
    expect(reply.choices).toHaveLength(realIndex().kb.dialogs.length);
  });

  it('within the idle time the dialog carries on', async () => {
    const t = createTestBot();
    await t.say('should I involve PAB');
    t.clock.now += (TTL_SECONDS - 5) * 1000;
    expect(last(await t.say('no')).text).toContain(askOf([...approvals().steps.keys()][1]!));
  });
});

describe('the incident dialog keeps no free text', () => {
  const secret = 'noticed at 07:42 on the minister account';
  const walk = async (t: ReturnType<typeof createTestBot>, end: string) => {
    await t.say('report a breach');
    await t.say('yes');
    await t.say('suspected');
    await t.say('account');
    await t.say(secret);
    return t.say(end);
  };

  it('not in the state once it ends, and never in what observers get', async () => {
    const t = createTestBot();
    await walk(t, 'the-site-name-xyz');
    expect(JSON.stringify(await t.state())).toContain(secret);
    const outcome = last(await t.say('no'));
    expect(outcome.dialog?.ended).toBe(true);
    expect(outcome.text).toContain(secret);
    expect(JSON.stringify(await t.state())).not.toContain(secret);
    expect(JSON.stringify(await t.state())).not.toContain('the-site-name-xyz');
    expect(JSON.stringify(t.events)).not.toContain(secret);
    expect(JSON.stringify(t.events)).not.toContain('the-site-name-xyz');
    expect(t.events[t.events.length - 1]!.dialog).toEqual({ id: 'incident', outcome: 'handoff' });
  });

  it('not in the state after cancel either', async () => {
    const t = createTestBot();
    await walk(t, 'cancel');
    expect(JSON.stringify(await t.state())).not.toContain(secret);
  });
});

describe('a dialog suggested by a question', () => {
  it('steps aside when the next message is another question, and carries on when it is an answer', async () => {
    const t = createTestBot();
    // Read as the content check, with a passage close enough to be answered first.
    const first = await t.say('can i tweet abt a court case?');
    expect(first[0]!.kind).toBe('answer');
    expect(last(first).dialog?.id).toBe('content-check');
    const next = last(await t.say('how many vacation days do I get'));
    expect(next.kind).not.toBe('dialog');
    expect(next.text).not.toContain(realIndex().kb.messages.dialogs.hint);
    expect((await t.state())?.dialog).toBeUndefined();

    await t.say('can i tweet abt a court case?', 'c2');
    expect(last(await t.say('no', 'c2')).dialog).toMatchObject({ id: 'content-check', ended: false });
    const garbage = last(await t.say('how many vacation days do I get', 'c2'));
    expect(garbage.text).toContain(realIndex().kb.messages.dialogs.hint);
  });
});
