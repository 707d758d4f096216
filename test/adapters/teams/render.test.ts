import { byteSize, MESSAGE_BUDGET_BYTES, renderReply } from '../../../src/adapters/teams/render';
import { loadBot } from '../../../src/core/load-bot';
import { FEEDBACK_CHOICES, type Citation, type Reply } from '../../../src/core/types';
import { cardTexts, submitButtons, type ConnectorCall } from './fake-connector';

const { bot } = loadBot();

const citation = (n: number): Citation => ({
  sectionId: `s${n}`,
  sectionPath: ['Appendix A', `Section ${n}`],
  label: `Appendix A › Section ${n}`,
  documentTitle: 'Guidelines for Conducting Citizen Engagement, Specific to Social Media',
  version: 'first iteration',
});

function asCall(activity: object): ConnectorCall {
  return { method: 'POST', path: '', body: activity as Record<string, unknown> };
}
const cardOfActivity = (activity: object) => {
  const attachments = (activity as { attachments?: Array<{ content: unknown }> }).attachments;
  return attachments?.[0]?.content;
};

function answer(fields: Partial<Reply>): Reply {
  return {
    kind: 'answer',
    text: 'plain',
    intro: 'From the guidelines:',
    passages: [],
    citations: [],
    choices: [],
    contacts: [],
    ...fields,
  };
}

describe('Teams rendering', () => {
  test('a long answer is split into messages under 80 KB that together quote every word, in order', () => {
    const sentence = 'Personal information must be protected when it is collected on social media. ';
    const passages = [1, 2, 3].map((n) => ({ text: sentence.repeat(900 * n), citation: citation(n) }));
    const reply = answer({
      passages,
      citations: passages.map((p) => p.citation),
      contacts: [
        { id: 'ce', name: 'Citizen Engagement team', when: 'Any question', email: 'ce@example.org' },
      ],
      feedback: true,
    });

    const messages = renderReply(reply);

    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) {
      expect(byteSize(message)).toBeLessThanOrEqual(MESSAGE_BUDGET_BYTES);
      expect(String(message.text).length).toBeGreaterThan(0);
    }
    const quoted = messages
      .flatMap((m) => cardTexts(cardOfActivity(m)))
      .filter((t) => t.startsWith('Personal'));
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(quoted.join(' '))).toEqual(words(passages.map((p) => p.text).join(' ')));
    // Contacts and feedback come once, at the end.
    const last = messages.at(-1)!;
    expect(cardTexts(cardOfActivity(last)).some((t) => t.includes('Citizen Engagement team'))).toBe(true);
    expect(submitButtons(cardOfActivity(last)).map((b) => b.data.guidebot.choice)).toEqual([
      FEEDBACK_CHOICES.helpful.id,
      FEEDBACK_CHOICES.notHelpful.id,
    ]);
    expect(messages.slice(0, -1).every((m) => submitButtons(cardOfActivity(m)).length === 0)).toBe(true);
  });

  test('citations show the guideline version; a citation without a passage is listed under sources', () => {
    const reply = answer({
      passages: [{ text: 'Quoted words.', citation: citation(1) }],
      citations: [citation(1), citation(2)],
    });
    const texts = cardTexts(cardOfActivity(renderReply(reply)[0]!));
    expect(texts).toContain('Quoted words.');
    expect(texts.filter((t) => t.includes('(first iteration)'))).toHaveLength(2);
    expect(texts.some((t) => t.includes('Section 2'))).toBe(true);
  });

  test('an escalation shows exactly what would be sent, its contact, and the consent buttons once', () => {
    const consent = [
      { id: 'escalate:send', label: 'Send it' },
      { id: 'escalate:cancel', label: "Don't send" },
    ];
    const reply = answer({
      kind: 'fallback',
      intro: 'I can pass this to a person.',
      choices: consent,
      contacts: [
        { id: 'ce', name: 'Citizen Engagement team', when: 'Any question', email: 'ce@example.org' },
      ],
      escalation: {
        contact: { id: 'ce', name: 'Citizen Engagement team', when: 'Any question', email: 'ce@example.org' },
        summary: 'Question: may we livestream a town hall?',
        consentChoices: consent,
      },
    });
    const card = cardOfActivity(renderReply(reply)[0]!);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        'Question: may we livestream a town hall?',
        expect.stringContaining('Citizen Engagement team'),
      ]),
    );
    expect(submitButtons(card).map((b) => b.data.guidebot.choice)).toEqual([
      'escalate:send',
      'escalate:cancel',
    ]);
    // Its contact, with the address, appears once (not again under "Who to contact").
    expect(cardTexts(card).filter((t) => t.includes('ce@example.org'))).toHaveLength(1);
  });

  test('small talk is a plain message without a card', async () => {
    const [thanks] = await bot.handle({
      channel: 'teams',
      conversation: 'smalltalk',
      user: 'u',
      text: 'thanks',
    });
    expect(thanks?.kind).toBe('smalltalk');
    expect(thanks?.choices).toEqual([]);
    const [message, ...rest] = renderReply(thanks!);
    expect(rest).toHaveLength(0);
    expect(message?.text).toBe(thanks!.text);
    expect(message?.attachments).toBeUndefined();
  });

  test('the welcome is a card with the guided dialogs as buttons', () => {
    const welcome = bot.welcome();
    expect(welcome.choices.length).toBeGreaterThan(0);
    const [message, ...rest] = renderReply(welcome);
    expect(rest).toHaveLength(0);
    const card = cardOfActivity(message!);
    expect(submitButtons(card).map((b) => b.data.guidebot.choice)).toEqual(welcome.choices.map((c) => c.id));
    expect([message!.text, ...cardTexts(card)].join('\n')).toContain(welcome.intro!.split('\n\n')[0]);
  });

  test("the fallback shows the core's 'might be close' heading above its section buttons", async () => {
    const [fallback] = await bot.handle({
      channel: 'teams',
      conversation: 'render-fallback',
      user: 'u',
      text: 'policy',
    });
    expect(fallback!.choices.length).toBeGreaterThan(0);
    const message = renderReply(fallback!)[0]!;
    const card = cardOfActivity(message);
    const heading = fallback!.text
      .split('\n\n')
      .find((p) => p.includes(`1. ${fallback!.choices[0]!.label}`))!
      .split('\n')[0];
    expect(cardTexts(card)).toContain(heading);
    expect(submitButtons(card).map((b) => b.title)).toEqual(fallback!.choices.map((c) => c.label));
    expect(message.text).toBe(fallback!.intro);
    expect(String((card as { fallbackText: string }).fallbackText)).toContain(fallback!.choices[0]!.label);
    expect(asCall(message).body.textFormat).toBe('plain');
  });
});

describe('decision records and phone links (issue 16 items 3 and 18)', () => {
  it('sends the record as plain text beside the outcome card, and links each number on its own', async () => {
    await bot.handle({ channel: 'teams', conversation: 'record-1', user: 'u', text: 'report a breach' });
    const [outcome] = await bot.handle({ channel: 'teams', conversation: 'record-1', user: 'u', text: 'no' });
    const activities = renderReply(outcome!);
    const card = JSON.stringify(cardOfActivity(activities[0]!));
    expect(card).toContain('[250 387-7000](tel:+12503877000)');
    expect(card).toContain('[toll-free 1-866-660-0811](tel:+18666600811), then choose Option 3');
    expect(card).not.toContain('Record id');
    const record = activities[activities.length - 1] as {
      text: string;
      textFormat: string;
      attachments?: unknown;
    };
    expect(record.textFormat).toBe('plain');
    expect(record.attachments).toBeUndefined();
    expect(record.text).toContain('# Decision record: Information incident report');
    expect(record.text).toContain('1. Summary prepared? No');
    expect(record.text).toContain('## Outcome: Call now');
  });
});
