import { FEEDBACK_CHOICES, type Reply } from '../../../src/core/types';
import { loadBot } from '../../../src/core/load-bot';
import {
  clickOnEphemeral,
  clickOnMessage,
  command,
  directMessage,
  mention,
  newEventId,
} from './slack-fixtures';
import { startSlackHarness, type SlackHarness } from './slack-server';
import { sendAction, sendCommand, sendEvent } from './signed-request';

// Slash commands and button clicks, form-encoded and signed as Slack sends them, into the real server.
let h: SlackHarness;
const reference = loadBot().bot;
const QUESTION = 'can we talk about court cases with the public?';

type Block = {
  type: string;
  block_id?: string;
  elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }>;
  text?: { text: string };
};
const buttonsOf = (blocks: unknown): NonNullable<Block['elements']> =>
  ((blocks as Block[]) ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

async function expected(text: string): Promise<Reply> {
  const [reply] = await reference.handle({ channel: 'console', conversation: newEventId(), user: 'u', text });
  return reply!;
}

/** A dialog step as the dialog engine will make it (today's core has no dialogs yet). */
function dialogStep(step: number, ended = false): Reply {
  const text = ended
    ? 'Outcome: involve your PAB team before you post.'
    : `Step ${step}: does the post announce a new program?`;
  return {
    kind: 'dialog',
    text,
    intro: text,
    passages: [],
    citations: [],
    choices: ended
      ? []
      : [
          { id: `step${step}:yes`, label: 'Yes' },
          { id: `step${step}:no`, label: 'No' },
        ],
    contacts: [],
    dialog: { id: 'approvals', title: 'Do I need PAB approval?', ended },
  };
}

beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe('/guidelines', () => {
  it('answers the person privately, with a button to share the answer in the channel', async () => {
    const reply = await expected(QUESTION);
    const res = await sendCommand(h.url, command(QUESTION, h.fake.responseUrl('cmd-1')));
    expect(res.status).toBe(200);
    const [sent] = await h.fake.waitFor('respond');
    expect(sent!.params.response_type).toBe('ephemeral');
    expect(JSON.stringify(sent!.params.blocks)).toContain(reply.citations[0]!.label);
    // Buttons carry an id of the question, never the question (Slack keeps button values with the message).
    const share = buttonsOf(sent!.params.blocks).find((b) => b.action_id?.startsWith('gb:share'));
    expect(share?.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(sent!.params.blocks)).not.toContain(QUESTION);
    expect(h.fake.callsOf('chat.postMessage')).toEqual([]);
  });

  it('"Share in channel" removes the private answer and posts it for everyone, saying who asked', async () => {
    const reply = await expected(QUESTION);
    await sendCommand(h.url, command(QUESTION, h.fake.responseUrl('cmd-share')));
    const [sent] = await h.fake.waitFor('respond');
    const shareButton = buttonsOf(sent!.params.blocks).find((b) => b.action_id?.startsWith('gb:share'));
    await h.reset();
    const click = clickOnEphemeral({
      actionId: 'gb:share:s-0',
      value: shareButton!.value!,
      label: 'Share in channel',
      responseUrl: h.fake.responseUrl('share-1'),
    });
    expect((await sendAction(h.url, click)).status).toBe(200);
    const [remove, post] = await h.fake.waitFor('respond', 2);
    expect(remove!.params).toEqual({ delete_original: true });
    expect(post!.params.response_type).toBe('in_channel');
    const blocks = JSON.stringify(post!.params.blocks);
    expect(blocks).toContain('<@U0ASKER01>');
    expect(blocks).toContain(reply.citations[0]!.label);
  });

  it('keeps sensitive answers private: no share button', async () => {
    h.rewrite = (_, real) => real.map((r) => ({ ...r, sensitive: true }));
    await sendCommand(
      h.url,
      command('do I need a PIA to set up a Twitter account?', h.fake.responseUrl('cmd-4')),
    );
    const [sent] = await h.fake.waitFor('respond');
    expect(sent!.params.response_type).toBe('ephemeral');
    expect(buttonsOf(sent!.params.blocks).some((b) => b.action_id?.startsWith('gb:share'))).toBe(false);
  });

  it('walks a dialog in the private reply, replacing it at each step', async () => {
    h.rewrite = (inbound) => [dialogStep(inbound.choice ? 2 : 1)];
    await sendCommand(h.url, command('do I need PAB approval', h.fake.responseUrl('cmd-5')));
    const [card] = await h.fake.waitFor('respond');
    const yes = buttonsOf(card!.params.blocks).find((b) => b.text?.text === 'Yes')!;
    const click = clickOnEphemeral({
      actionId: yes.action_id!,
      value: yes.value!,
      label: 'Yes',
      responseUrl: h.fake.responseUrl('cmd-5-click'),
    });
    await sendAction(h.url, click);
    const [, step] = await h.fake.waitFor('respond', 2);
    expect(step!.path).toBe('/respond/cmd-5-click');
    expect(step!.params.replace_original).toBe(true);
    expect(String(step!.params.text)).toContain('Step 2');
    expect(h.turns.at(-1)).toMatchObject({
      choice: 'step1:yes',
      conversation: 'C0PUBLIC01:command:U0ASKER01',
    });
  });

  it('retries a failing response_url, then sends the contact instead', async () => {
    h.fake.script('respond', { status: 500, body: {} }, { status: 502, body: {} }, { status: 503, body: {} });
    await sendCommand(h.url, command(QUESTION, h.fake.responseUrl('cmd-3')));
    const calls = await h.fake.waitFor('respond', 4);
    expect(calls[0]!.params.blocks).toEqual(calls[2]!.params.blocks);
    expect(calls[3]!.params.blocks).toBeUndefined();
    expect(String(calls[3]!.params.text)).toContain('citizenengagement@gov.bc.ca');
  });

  it('alone, shows the welcome in the acknowledgement itself', async () => {
    const welcome = reference.welcome();
    const res = await sendCommand(h.url, command('', h.fake.responseUrl('cmd-2')));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBeTruthy();
    expect(JSON.stringify(body.blocks)).toContain(welcome.intro!.slice(0, 30));
  });
});

describe('buttons', () => {
  it('a dialog step clicked on its own card updates the card in place (chat.update)', async () => {
    h.rewrite = (inbound) => [dialogStep(inbound.choice ? 2 : 1)];
    await sendEvent(h.url, mention('do I need PAB approval'));
    const [card] = await h.fake.waitFor('chat.postMessage');
    const yes = buttonsOf(card!.params.blocks).find((b) => b.text?.text === 'Yes')!;
    const click = clickOnMessage(
      {
        actionId: yes.action_id!,
        value: yes.value!,
        label: 'Yes',
        responseUrl: h.fake.responseUrl('click-1'),
      },
      { ts: '1732440000.000100', threadTs: '1732435200.000100', blocks: card!.params.blocks as unknown[] },
    );
    expect((await sendAction(h.url, click)).status).toBe(200);
    const [update] = await h.fake.waitFor('chat.update');
    expect(update!.params).toMatchObject({ channel: 'C0PUBLIC01', ts: '1732440000.000100' });
    expect(String(update!.params.text)).toContain('Step 2');
    expect(h.turns.at(-1)).toMatchObject({
      choice: 'step1:yes',
      conversation: 'C0PUBLIC01:1732435200.000100',
    });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('a choice on an answer posts the reply in the same thread, as the same conversation', async () => {
    const vague = await expected('planning');
    // A section choice: other choices (such as starting a guided dialog) update the card in place instead.
    const sections = vague.choices.filter((c) => c.id.startsWith('section:'));
    h.rewrite = (inbound, real) =>
      inbound.choice
        ? real
        : [
            {
              ...real[0]!,
              choices: sections.length ? sections : [{ id: 'section:x', label: 'Planning' }],
            },
          ];
    await sendEvent(h.url, mention('planning'));
    const [post] = await h.fake.waitFor('chat.postMessage');
    const first = buttonsOf(post!.params.blocks)[0]!;
    const click = clickOnMessage(
      {
        actionId: first.action_id!,
        value: first.value!,
        label: first.text!.text,
        responseUrl: h.fake.responseUrl('c'),
      },
      { ts: '1732440000.000100', threadTs: '1732435200.000100', blocks: post!.params.blocks as unknown[] },
    );
    await sendAction(h.url, click);
    const posts = await h.fake.waitFor('chat.postMessage', 2);
    expect(posts[1]!.params.thread_ts).toBe('1732435200.000100');
    expect(h.fake.callsOf('chat.update')).toEqual([]);
    expect(h.turns.at(-1)).toMatchObject({
      choice: first.value,
      conversation: 'C0PUBLIC01:1732435200.000100',
    });
  });

  it('feedback buttons send the feedback choice to the core and disappear from the answer', async () => {
    h.rewrite = (inbound, real) => (inbound.choice ? real : real.map((r) => ({ ...r, feedback: true })));
    await sendEvent(h.url, directMessage(QUESTION));
    const [post] = await h.fake.waitFor('chat.postMessage');
    const helpful = buttonsOf(post!.params.blocks).find((b) => b.value === FEEDBACK_CHOICES.helpful.id)!;
    expect(helpful.text!.text).toBe(FEEDBACK_CHOICES.helpful.label);
    const click = clickOnMessage(
      {
        actionId: helpful.action_id!,
        value: helpful.value!,
        label: helpful.text!.text,
        responseUrl: h.fake.responseUrl('f'),
      },
      {
        ts: '1732440000.000100',
        channel: 'D0PRIVATE01',
        blocks: post!.params.blocks as unknown[],
        text: String(post!.params.text),
      },
    );
    await sendAction(h.url, click);
    const [update] = await h.fake.waitFor('chat.update');
    expect(buttonsOf(update!.params.blocks).some((b) => b.value?.startsWith('feedback:'))).toBe(false);
    expect((update!.params.blocks as unknown[]).length).toBe((post!.params.blocks as unknown[]).length - 1);
    expect(h.turns.at(-1)).toMatchObject({
      choice: FEEDBACK_CHOICES.helpful.id,
      conversation: 'D0PRIVATE01',
    });
    expect(h.turns.at(-1)?.text).toBeUndefined();
  });
});

it('a button in App Home starts the conversation in a direct message', async () => {
  const click = {
    ...clickOnEphemeral({
      actionId: 'gb:choice:c-0',
      value: 'dialog:approvals',
      label: 'Do I need PAB approval?',
      responseUrl: h.fake.responseUrl('home'),
    }),
    container: { type: 'view', view_id: 'V0HOME01' },
    channel: undefined,
  };
  await sendAction(h.url, click);
  const [open] = await h.fake.waitFor('conversations.open');
  expect(open!.params.users).toBe('U0ASKER01');
  const [post] = await h.fake.waitFor('chat.postMessage');
  expect(post!.params.channel).toBe('D0OPENED01');
  expect(h.turns.at(-1)).toMatchObject({
    conversation: 'D0OPENED01',
    choice: 'dialog:approvals',
    text: 'Do I need PAB approval?',
  });
});

describe('sensitive topics', () => {
  const sensitive = (_: unknown, real: Reply[]) => real.map((r) => ({ ...r, sensitive: true }));

  it('in a channel: a short reply in the thread offers a direct message; the click answers there', async () => {
    h.rewrite = sensitive;
    const question = 'do I need a PIA to set up a Twitter account?';
    const reply = await expected(question);
    await sendEvent(h.url, mention(question));
    const [offer] = await h.fake.waitFor('chat.postMessage');
    expect(offer!.params.thread_ts).toBe('1732435200.000100');
    expect(JSON.stringify(offer!.params.blocks)).not.toContain(reply.citations[0]!.label);
    // The button (which Slack keeps with the channel message) carries an id, not the question.
    expect(JSON.stringify(offer!.params)).not.toMatch(/Twitter/);
    const button = buttonsOf(offer!.params.blocks).find((b) => b.action_id === 'gb:private')!;
    expect(button.value).toMatch(/^[0-9a-f-]{36}$/);
    const click = clickOnMessage(
      {
        actionId: button.action_id!,
        value: button.value!,
        label: button.text!.text,
        responseUrl: h.fake.responseUrl('p'),
      },
      { ts: '1732440000.000100', threadTs: '1732435200.000100', blocks: offer!.params.blocks as unknown[] },
    );
    await sendAction(h.url, click);
    const [open] = await h.fake.waitFor('conversations.open');
    expect(open!.params.users).toBe('U0ASKER01');
    const posts = await h.fake.waitFor('chat.postMessage', 2);
    expect(posts[1]!.params.channel).toBe('D0OPENED01');
    expect(JSON.stringify(posts[1]!.params.blocks)).toContain(reply.citations[0]!.label);
  });

  it('in a channel: nothing of an answer with a sensitive part is posted there, only the offer', async () => {
    // A harmless reply ahead of the sensitive one would tell the channel what the question was about.
    h.rewrite = (_, real) => [
      { ...real[0]!, sensitive: false },
      { ...real[0]!, sensitive: true },
    ];
    const question = 'do I need a PIA to set up a Twitter account?';
    const reply = await expected(question);
    await sendEvent(h.url, mention(question));
    await h.fake.waitFor('chat.postMessage');
    await h.fake.settle();
    const posts = h.fake.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(buttonsOf(posts[0]!.params.blocks).map((b) => b.action_id)).toEqual(['gb:private']);
    expect(JSON.stringify(posts[0]!.params)).not.toContain(reply.citations[0]!.label);
  });

  it('in a direct message: answered in full', async () => {
    h.rewrite = sensitive;
    const reply = await expected('do I need a PIA to set up a Twitter account?');
    await sendEvent(h.url, directMessage('do I need a PIA to set up a Twitter account?'));
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(post!.params.blocks)).toContain(reply.citations[0]!.label);
  });
});

describe('long replies', () => {
  it('are split into messages within Block Kit limits, never mid-word, with the buttons on the last', async () => {
    const words = Array.from({ length: 6000 }, (_, i) => `word${i}`);
    const passage = words.join(' ');
    h.rewrite = (_, real) => [
      {
        ...real[0]!,
        passages: Array.from({ length: 4 }, () => ({ text: passage, citation: real[0]!.citations[0]! })),
        choices: Array.from({ length: 30 }, (_, i) => ({
          id: `c${i}`,
          label: `A very long choice label number ${i} `.repeat(4),
        })),
        feedback: true,
      },
    ];
    await sendEvent(h.url, directMessage(QUESTION));
    // The feedback buttons come on the last message: wait for them, not a fixed time (a busy machine is slow).
    const end = Date.now() + 8000;
    const lastArrived = () =>
      h.fake
        .callsOf('chat.postMessage')
        .some((post) => buttonsOf(post.params.blocks).some((b) => b.value === FEEDBACK_CHOICES.helpful.id));
    while (!lastArrived() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
    await h.fake.settle();
    const posts = h.fake.callsOf('chat.postMessage');
    expect(posts.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (const post of posts) {
      const blocks = post.params.blocks as Block[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(String(post.params.text).length).toBeGreaterThan(0);
      expect(JSON.stringify(blocks).length).toBeLessThan(15000);
      for (const block of blocks)
        if (block.type === 'section') {
          expect(block.text!.text.length).toBeLessThanOrEqual(3000);
          seen.push(
            ...block
              .text!.text.replace(/^> /gm, '')
              .split(/\s+/)
              .filter((w) => w.startsWith('word')),
          );
        }
      for (const button of buttonsOf(blocks)) expect(button.text!.text.length).toBeLessThanOrEqual(75);
    }
    expect(seen).toEqual([...words, ...words, ...words, ...words]);
    expect(buttonsOf(posts.at(-1)!.params.blocks).some((b) => b.value === FEEDBACK_CHOICES.helpful.id)).toBe(
      true,
    );
    expect(buttonsOf(posts[0]!.params.blocks)).toEqual([]);
  });
});
