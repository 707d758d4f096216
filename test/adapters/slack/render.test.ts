import fc from 'fast-check';
import { escapeMrkdwn, quoteMrkdwn, splitForLimit } from '../../../src/adapters/slack/mrkdwn';
import { renderHome, renderReply } from '../../../src/adapters/slack/render';
import { toPlainText } from '../../../src/adapters/slack/slack-text';
import type { Citation, Reply } from '../../../src/core/types';

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Array<{ action_id?: string; text: { text: string } }>;
};

const citation: Citation = {
  sectionId: 'a-privacy',
  sectionPath: ['Appendix A', 'Privacy'],
  label: 'Appendix A › Privacy',
  documentTitle: 'Guidelines for Conducting Citizen Engagement',
  version: '1.0',
};
const reply = (over: Partial<Reply>): Reply => ({
  kind: 'answer',
  text: 'plain',
  passages: [],
  citations: [],
  choices: [],
  contacts: [],
  ...over,
});

const word = fc.stringMatching(/^[a-zA-Z0-9&<>'".,]{1,12}$/);
const text = fc.array(word, { minLength: 1, maxLength: 400 }).map((words) => words.join(' '));

describe('mrkdwn', () => {
  it('escapes &, < and > so quoted text shows as written and cannot mention or link', () => {
    expect(escapeMrkdwn('Q&A <@U123> <!channel> a > b')).toBe(
      'Q&amp;A &lt;@U123&gt; &lt;!channel&gt; a &gt; b',
    );
    expect(quoteMrkdwn('one\ntwo & three')).toBe('> one\n> two &amp; three');
  });

  it('splits at word boundaries only, every piece within the limit once formatted', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 60, max: 400 }), (input, max) => {
        const pieces = splitForLimit(input, max, quoteMrkdwn);
        for (const piece of pieces) expect(quoteMrkdwn(piece).length).toBeLessThanOrEqual(max);
        expect(pieces.join(' ').split(/\s+/)).toEqual(input.split(/\s+/));
      }),
    );
  });

  it('turns Slack wire text into what the person typed', () => {
    expect(
      toPlainText('<@U0BOT> can I post <https://gov.bc.ca|this page> in <#C1|comms>? Q&amp;A &lt;3', 'U0BOT'),
    ).toBe('can I post this page in #comms? Q&A <3');
  });
});

describe('renderReply', () => {
  it('quotes passages with a citation line naming the section and guideline version', () => {
    const [message] = renderReply(
      reply({
        intro: 'From the guidelines:',
        passages: [{ text: 'Staff must <not> post & share.', citation }],
        citations: [citation],
      }),
    );
    const blocks = message!.blocks as Block[];
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '> Staff must &lt;not&gt; post &amp; share.' },
    });
    expect(JSON.stringify(blocks[2])).toContain(
      'Appendix A › Privacy · Guidelines for Conducting Citizen Engagement, version 1.0',
    );
    expect(message!.text).toBe('plain');
  });

  it('shows the escalation: what would be sent, to whom, and the consent buttons', () => {
    const contact = { id: 'ce', name: 'Citizen Engagement team', when: 'any time', email: 'ce@gov.bc.ca' };
    const [message] = renderReply(
      reply({
        kind: 'fallback',
        escalation: {
          contact,
          summary: 'Question: can I <post>?',
          consentChoices: [
            { id: 'escalate:send', label: 'Send it' },
            { id: 'escalate:cancel', label: "Don't send" },
          ],
        },
        contacts: [contact],
      }),
    );
    const json = JSON.stringify(message!.blocks);
    expect(json).toContain('Citizen Engagement team');
    // The person's words in plain_text: Slack formats none of it.
    expect(message!.blocks).toContainEqual({
      type: 'section',
      text: { type: 'plain_text', text: 'Question: can I <post>?', emoji: false },
    });
    expect(json).toContain('escalate:send');
    expect(json).toContain('<mailto:ce@gov.bc.ca|ce@gov.bc.ca>');
  });

  it('keeps every message within Block Kit limits, whatever the reply', () => {
    const arbitraryReply = fc.record({
      intro: text,
      passages: fc.array(
        text.map((t) => ({ text: t.repeat(8), citation })),
        { maxLength: 6 },
      ),
      choices: fc.array(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 40 }),
          label: fc.string({ minLength: 1, maxLength: 200 }),
        }),
        { maxLength: 60 },
      ),
      feedback: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitraryReply, (parts) => {
        const messages = renderReply(reply(parts));
        for (const message of messages) {
          expect(message.text.length).toBeGreaterThan(0);
          expect(message.blocks.length).toBeLessThanOrEqual(50);
          const blocks = message.blocks as Block[];
          const ids = blocks
            .flatMap((b) => b.elements ?? [])
            .map((e) => e.action_id)
            .filter(Boolean);
          expect(new Set(ids).size).toBe(ids.length);
          for (const block of blocks) {
            if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
            if (block.type === 'actions') expect(block.elements!.length).toBeLessThanOrEqual(25);
            for (const element of block.elements ?? [])
              if (element.action_id) {
                expect(element.text.text.length).toBeLessThanOrEqual(75);
                expect(element.text.text.trim().length).toBeGreaterThan(0);
              }
          }
        }
        const buttons = messages.flatMap((m) => (m.blocks as Block[]).filter((b) => b.type === 'actions'));
        expect(buttons.flatMap((b) => b.elements ?? []).length).toBe(
          parts.choices.length + (parts.feedback ? 2 : 0),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('marks dialog cards so a click can update them in place', () => {
    const [message] = renderReply(
      reply({
        kind: 'dialog',
        intro: 'Is it new?',
        dialog: { id: 'approvals', title: 'PAB approval', ended: false },
      }),
    );
    expect((message!.blocks as Block[])[0]!.block_id).toBe('gb-dialog:approvals');
  });

  it('fits the App Home view in 100 blocks', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ text: `passage ${i}`, citation }));
    expect(renderHome(reply({ passages: many })).blocks.length).toBe(100);
  });
});
