import { clickOnMessage, directMessage, mention } from './slack-fixtures';
import { startSlackHarness, type SlackHarness } from './slack-server';
import { sendAction, sendEvent } from './signed-request';

// "talk to a person" in a DM, then Send: the summary is posted to ESCALATION_SLACK_CHANNEL through the Web API.
const TEAM_CHANNEL = 'C0ESCALATE1';
let h: SlackHarness;

type Button = { action_id?: string; value?: string; text?: { text: string } };
const buttonsOf = (blocks: unknown): Button[] =>
  ((blocks as Array<{ type: string; elements?: Button[] }>) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

beforeAll(async () => {
  h = await startSlackHarness({ ESCALATION_SLACK_CHANNEL: TEAM_CHANNEL });
});
afterAll(() => h.close());

it('sends exactly the redacted summary to the team channel after Send, and says where it went', async () => {
  await sendEvent(
    h.url,
    directMessage('call me at 250-555-0199: which pizza place in Victoria delivers late?'),
  );
  await h.fake.settle();
  await sendEvent(h.url, directMessage('talk to a person'));
  await h.fake.settle();
  const posts = h.fake.callsOf('chat.postMessage');
  const offer = posts.find((p) => buttonsOf(p.params.blocks).some((b) => b.value === 'escalation:send'))!;
  expect(offer.params.channel).toBe('D0PRIVATE01');
  const send = buttonsOf(offer.params.blocks).filter((b) => b.value === 'escalation:send');
  expect(send).toHaveLength(1);
  expect(h.fake.callsOf('chat.postMessage').some((p) => p.params.channel === TEAM_CHANNEL)).toBe(false);

  const click = clickOnMessage(
    {
      actionId: send[0]!.action_id!,
      value: 'escalation:send',
      label: send[0]!.text!.text,
      responseUrl: h.fake.responseUrl('e'),
    },
    { ts: '1732440000.000900', channel: 'D0PRIVATE01', blocks: offer.params.blocks as unknown[] },
  );
  await sendAction(h.url, click);
  await h.fake.settle();
  const forwarded = h.fake.callsOf('chat.postMessage').filter((p) => p.params.channel === TEAM_CHANNEL);
  expect(forwarded).toHaveLength(1);
  const text = String(forwarded[0]!.params.text);
  expect(text).toContain('which pizza place in Victoria delivers late?');
  expect(text).not.toMatch(/250-555-0199|U0ASKER01/);
  const told = JSON.stringify(h.fake.calls.filter((c) => c.params.channel !== TEAM_CHANNEL).slice(-3));
  expect(told).toContain("Citizen Engagement team's Slack channel");
});

it('refuses to start with a channel name instead of an id, naming the variable', async () => {
  await expect(
    startSlackHarness({ ESCALATION_SLACK_CHANNEL: '#citizen-engagement' }, { fake: h.fake }),
  ).rejects.toThrow(/ESCALATION_SLACK_CHANNEL/);
});

it('in a channel thread, only the person who asked can send; anyone else is told so and nothing goes', async () => {
  await h.reset();
  const thread = '1732440100.000100';
  await sendEvent(h.url, mention('talk to a person', { ts: thread }));
  await h.fake.settle();
  const offer = h.fake
    .callsOf('chat.postMessage')
    .find((p) => buttonsOf(p.params.blocks).some((b) => b.value === 'escalation:send'))!;
  const send = buttonsOf(offer.params.blocks).find((b) => b.value === 'escalation:send')!;
  const click = (user: string) => ({
    ...clickOnMessage(
      {
        actionId: send.action_id!,
        value: 'escalation:send',
        label: send.text!.text,
        responseUrl: h.fake.responseUrl(`thread-${user}`),
      },
      { ts: '1732440100.000200', threadTs: thread, blocks: offer.params.blocks as unknown[] },
    ),
    user: { id: user, username: user, name: user, team_id: 'T0GUIDE01' },
  });
  const toTeam = () => h.fake.callsOf('chat.postMessage').filter((p) => p.params.channel === TEAM_CHANNEL);

  await sendAction(h.url, click('U0BYSTANDER'));
  await h.fake.settle();
  expect(toTeam()).toHaveLength(0);
  expect(JSON.stringify(h.fake.calls.slice(-2))).toContain('Only the person who asked can send');

  await sendAction(h.url, click('U0ASKER01'));
  await h.fake.settle();
  expect(toTeam()).toHaveLength(1);
});

it('the person’s words are posted unformatted: no *bold*, no links, no bidi controls', async () => {
  await h.reset();
  await sendEvent(
    h.url,
    directMessage('see https://evil.example/menu \u202e*now*\u202c do I need a business plan?'),
  );
  await h.fake.settle();
  await sendEvent(h.url, directMessage('talk to a person'));
  await h.fake.settle();
  const offer = h.fake
    .callsOf('chat.postMessage')
    .find((p) => buttonsOf(p.params.blocks).some((b) => b.value === 'escalation:send'))!;
  const blocks = offer.params.blocks as Array<{ type: string; text?: { type: string; text: string } }>;
  const quoted = blocks.find((b) => b.text?.text.includes('evil'))!;
  expect(quoted.text!.type).toBe('plain_text');
  const send = buttonsOf(offer.params.blocks).find((b) => b.value === 'escalation:send')!;
  const click = clickOnMessage(
    {
      actionId: send.action_id!,
      value: send.value!,
      label: send.text!.text,
      responseUrl: h.fake.responseUrl('f'),
    },
    { ts: '1732440200.000900', channel: 'D0PRIVATE01', blocks: offer.params.blocks as unknown[] },
  );
  await sendAction(h.url, click);
  await h.fake.settle();
  const [post] = h.fake.callsOf('chat.postMessage').filter((p) => p.params.channel === TEAM_CHANNEL);
  expect(String(post!.params.mrkdwn)).toBe('false');
  expect(String(post!.params.text)).toContain(
    'see https[:]//evil.example/menu *now* do I need a business plan?',
  );
  expect(JSON.stringify(post!.params)).not.toMatch(/[\u202a-\u202e]/);
});

it('in a thread, a newer offer belongs to whoever asked for it, not to the one before', async () => {
  await h.reset();
  const thread = '1732440300.000100';
  await sendEvent(h.url, mention('talk to a person', { ts: thread }));
  await sendEvent(
    h.url,
    mention('talk to a person', { ts: '1732440300.000200', thread_ts: thread, user: 'U0SECOND1' }),
  );
  await h.fake.settle();
  const offers = h.fake
    .callsOf('chat.postMessage')
    .filter((p) => buttonsOf(p.params.blocks).some((b) => b.value === 'escalation:send'));
  const last = offers.at(-1)!;
  const send = buttonsOf(last.params.blocks).find((b) => b.value === 'escalation:send')!;
  const click = (user: string) => ({
    ...clickOnMessage(
      {
        actionId: send.action_id!,
        value: 'escalation:send',
        label: send.text!.text,
        responseUrl: h.fake.responseUrl(`newer-${user}`),
      },
      { ts: '1732440300.000300', threadTs: thread, blocks: last.params.blocks as unknown[] },
    ),
    user: { id: user, username: user, name: user, team_id: 'T0GUIDE01' },
  });
  const toTeam = () => h.fake.callsOf('chat.postMessage').filter((p) => p.params.channel === TEAM_CHANNEL);
  await sendAction(h.url, click('U0ASKER01'));
  await h.fake.settle();
  expect(toTeam()).toHaveLength(0);
  await sendAction(h.url, click('U0SECOND1'));
  await h.fake.settle();
  expect(toTeam()).toHaveLength(1);
});
