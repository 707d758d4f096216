import path from 'node:path';
import { loadBot } from '../../../src/core/load-bot';
import type { EscalationSink } from '../../../src/core/escalation-sink';
import { FEEDBACK_CHOICES, type Inbound, type Reply } from '../../../src/core/types';
import { makeTempDir, removeTempDirs } from '../../helpers/knowledge-copy';

// Escalation end to end through the privacy-wrapped bot: the offer, the consent, and where it went.
afterAll(removeTempDirs);

const indexPath = path.join(makeTempDir('escalation-bot'), 'index.json');
const OFF_TOPIC = 'my email is jane.doe@example.com, which pizza place in Victoria delivers latest?';
const ANSWERED = 'What does the loyalty part of the Standards of Conduct mean for my online activity?';

function start(escalate?: EscalationSink) {
  const { bot } = loadBot({ indexPath, ...(escalate && { escalate }) });
  const inbound = { channel: 'console', conversation: 'c1', user: 'U123-Jane-Doe' } as const;
  const main = (replies: Reply[]) => replies.find((r) => !r.note)!;
  return {
    say: async (text: string) => main(await bot.handle({ ...inbound, text } as Inbound)),
    click: async (choice: string) => main(await bot.handle({ ...inbound, choice } as Inbound)),
  };
}

function recordingSink(where: string | undefined, fail = false) {
  const sent: string[] = [];
  const sink: EscalationSink = {
    name: 'test',
    async forward(summary) {
      if (fail) throw new Error('channel_not_found');
      sent.push(summary);
      return where ? { where } : undefined;
    },
  };
  return { sent, sink };
}

describe('the offer', () => {
  it('a fallback shows exactly what would be sent, redacted, without the user id, and asks first', async () => {
    const t = start();
    const reply = await t.say(OFF_TOPIC);
    expect(reply.kind).toBe('fallback');
    const offer = reply.escalation!;
    expect(offer.summary).toContain('which pizza place in Victoria delivers latest?');
    expect(offer.summary).not.toMatch(/jane\.doe|example\.com|U123|Jane/);
    expect(reply.text).toContain(offer.summary);
    expect(reply.text).toContain('your name is not included');
    expect(offer.summary).toContain('guidebot found no answer in the guidelines.');
    expect(reply.choices.map((c) => c.id)).toEqual(expect.arrayContaining(['escalation:send']));
  });

  it('a "not helpful" click offers to forward the question it answered', async () => {
    const t = start();
    const answer = await t.say(ANSWERED);
    expect(answer.escalation).toBeUndefined();
    const reply = await t.click(FEEDBACK_CHOICES.notHelpful.id);
    expect(reply.escalation?.summary).toContain('loyalty part of the Standards of Conduct');
    // The bot's reply travels with the question: the sections it quoted.
    expect(reply.escalation?.summary).toContain(
      `guidebot answered by quoting: ${answer.citations[0]!.label}`,
    );
    expect(reply.text).toContain(reply.escalation!.summary);
    expect((await t.click(FEEDBACK_CHOICES.helpful.id)).escalation).toBeUndefined();
  });

  it('typing the number of "Send this to them" on a fallback sends it', async () => {
    const { sent, sink } = recordingSink('Slack');
    const t = start(sink);
    const reply = await t.say(OFF_TOPIC);
    const number = reply.choices.findIndex((c) => c.id === 'escalation:send') + 1;
    const done = await t.say(String(number));
    expect(done.text).toContain("Citizen Engagement team's Slack channel");
    expect(sent).toEqual([reply.escalation!.summary]);
  });
});

describe('sending', () => {
  it('with a sink: forwards exactly the summary shown and says where it went', async () => {
    const { sent, sink } = recordingSink('Teams');
    const t = start(sink);
    await t.say(ANSWERED);
    const offer = await t.say('talk to a person');
    const done = await t.click('escalation:send');
    expect(sent).toEqual([offer.escalation!.summary]);
    expect(done.text).toContain("Sent to the Citizen Engagement team's Teams channel");
    expect(done.text).toContain(offer.escalation!.summary);
    expect(done.escalation).toBeUndefined();
  });

  it('"Don\'t send" sends nothing', async () => {
    const { sent, sink } = recordingSink('Slack');
    const t = start(sink);
    await t.say('talk to a person');
    expect((await t.click('escalation:dont-send')).text).toContain('nothing was sent');
    expect(sent).toEqual([]);
  });

  it('when sending fails: says so, and gives the email address and the text to paste', async () => {
    const t = start(recordingSink('Slack', true).sink);
    const offer = await t.say(OFF_TOPIC);
    const done = await t.click('escalation:send');
    expect(done.text).toContain("couldn't reach the Citizen Engagement team");
    expect(done.text).toContain('citizenengagement@gov.bc.ca');
    expect(done.text).toContain(offer.escalation!.summary);
  });

  it.each([
    ['no sink', undefined],
    ['a sink with no channel set up yet', recordingSink(undefined).sink],
  ])('with %s: the email address and the ready-to-paste text', async (_, sink) => {
    const t = start(sink);
    const offer = await t.say(OFF_TOPIC);
    const done = await t.click('escalation:send');
    expect(done.text).toContain('nothing was sent. Please email citizenengagement@gov.bc.ca');
    expect(done.text).toContain(offer.escalation!.summary);
  });
});
