import { loadBot } from '../../../src/core/load-bot';
import type { Reply } from '../../../src/core/types';
import type { ApiCall } from './fake-slack-api';
import { clickOnMessage, directMessage, envelope, mention, newEventId } from './slack-fixtures';
import { startSlackHarness, type SlackHarness } from './slack-server';
import { sendAction, sendEvent, sendRaw } from './signed-request';

// Events API callbacks, signed as Slack signs them, into the real server; Slack's Web API is a local fake.
let h: SlackHarness;
const { bot: reference, index } = loadBot();
const { messages } = index.kb;
const QUESTION = 'can we talk about court cases with the public?';

/** What the core answers to `text` in a fresh conversation: the test never hard-codes an answer. */
async function expected(text: string): Promise<Reply> {
  const [reply] = await reference.handle({ channel: 'console', conversation: newEventId(), user: 'u', text });
  return reply!;
}

const blockTexts = (call: ApiCall): string => JSON.stringify((call.params.blocks as unknown[]) ?? []);

beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe('answering', () => {
  it('answers an @mention in the thread of the message, quoting and citing the guideline', async () => {
    const reply = await expected(QUESTION);
    expect(reply.kind).toBe('answer');
    const res = await sendEvent(h.url, mention(QUESTION));
    expect(res.status).toBe(200);
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.params.channel).toBe('C0PUBLIC01');
    expect(post!.params.thread_ts).toBe('1732435200.000100');
    for (const citation of reply.citations) expect(blockTexts(post!)).toContain(citation.label);
    expect(String(post!.params.text)).toContain(reply.passages[0]!.text.slice(0, 40).replace(/&/g, '&amp;'));
    // The bot's own mention is not part of the question the core saw.
    expect(h.turns.at(-1)).toMatchObject({ channel: 'slack', text: QUESTION, user: 'U0ASKER01' });
  });

  it('answers a direct message directly, not in a thread', async () => {
    const reply = await expected('do I need a PIA to set up a Twitter account?');
    await sendEvent(h.url, directMessage('do I need a PIA to set up a Twitter account?'));
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.params.channel).toBe('D0PRIVATE01');
    expect(post!.params.thread_ts).toBeUndefined();
    expect(post!.params.text).toBeTruthy();
    for (const citation of reply.citations) expect(blockTexts(post!)).toContain(citation.label);
  });

  it("acknowledges within Slack's 3 seconds, before the answer is sent", async () => {
    h.fake.script('chat.postMessage', { status: 200, body: { ok: true, ts: '1.2' } });
    const started = Date.now();
    const res = await sendEvent(h.url, directMessage('who approves a new Twitter account?'));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    await h.fake.waitFor('chat.postMessage');
  });

  it('ignores messages from bots (itself included) and edits, and answers the next real message', async () => {
    await sendEvent(h.url, envelope('message-im-bot.json', {}));
    await sendEvent(h.url, envelope('message-im-changed.json', {}));
    await sendEvent(h.url, directMessage('hello', { user: 'U0OTHERBOT', bot_id: 'B0OTHER01' }));
    await sendEvent(h.url, directMessage('hello', { subtype: 'channel_join' }));
    await sendEvent(h.url, directMessage('do I need a PIA to set up a Twitter account?'));
    await h.fake.waitFor('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(h.turns.at(-1)?.text).toBe('do I need a PIA to set up a Twitter account?');
  });

  it('shows a fallback with the "did you mean" heading, the nearby sections as buttons and the contact', async () => {
    const questions = ['how do I reset my password', 'payroll privacy', 'pizza budget for the privacy team'];
    const replies = await Promise.all(questions.map(expected));
    const i = replies.findIndex((r) => r.kind === 'fallback' && r.choices.length > 0);
    expect(i).toBeGreaterThanOrEqual(0);
    await sendEvent(h.url, directMessage(questions[i]!));
    const [post] = await h.fake.waitFor('chat.postMessage');
    const blocks = blockTexts(post!);
    expect(blocks).toContain(JSON.stringify(messages.didYouMean).slice(1, -1));
    for (const choice of replies[i]!.choices) expect(blocks).toContain(choice.id);
    expect(blocks).toContain('mailto:citizenengagement@gov.bc.ca');
  });

  it('sends the contact, not an error, when the core fails', async () => {
    h.rewrite = () => {
      throw new Error('store unavailable');
    };
    await sendEvent(h.url, mention(QUESTION));
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.params.thread_ts).toBe('1732435200.000100');
    expect(String(post!.params.text)).toContain('citizenengagement@gov.bc.ca');
    expect(h.logs.join('\n')).not.toContain('store unavailable');
  });

  it('publishes the welcome on the App Home tab', async () => {
    const welcome = reference.welcome();
    await sendEvent(h.url, envelope('app-home-opened.json', {}));
    const [publish] = await h.fake.waitFor('views.publish');
    expect(publish!.params.user_id).toBe('U0ASKER01');
    const view = publish!.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain(JSON.stringify(welcome.intro!.slice(0, 30)).slice(1, -1));
  });
});

describe('retries', () => {
  it('answers an event once when Slack retries it, the retry arriving while the first is answered', async () => {
    const event = mention(QUESTION);
    const first = sendEvent(h.url, event);
    const retry = sendEvent(h.url, event, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect((await first).status).toBe(200);
    expect((await retry).status).toBe(200);
    await h.fake.waitFor('chat.postMessage');
    await sendEvent(h.url, event, {
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
    // Operators see the retries that were not answered again.
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(Number(/^guidebot_dedupe_hits_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('answers a retry whose first delivery never reached the bot', async () => {
    await sendEvent(h.url, directMessage('do I need a PIA to set up a Twitter account?'), {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' },
    });
    await h.fake.waitFor('chat.postMessage');
  });
});

describe('Slack API trouble', () => {
  it('waits out a 429 (Retry-After) and then delivers, logging the rate limit', async () => {
    h.fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const started = Date.now();
    await sendEvent(h.url, directMessage('do I need a PIA to set up a Twitter account?'));
    const posts = await h.fake.waitFor('chat.postMessage', 2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(posts[1]!.params.blocks).toEqual(posts[0]!.params.blocks);
    expect(h.logs.some((line) => line.includes('slack rate limited'))).toBe(true);
  });

  it('on shutdown, waits for an answer still waiting out a 429 before it closes', async () => {
    const own = await startSlackHarness();
    try {
      own.fake.script('chat.postMessage', {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { ok: false, error: 'ratelimited' },
      });
      await sendEvent(own.url, directMessage(QUESTION));
      await own.fake.waitFor('chat.postMessage', 1); // the refused try; the core's turn is over
      await own.server.close();
      // The answer again once the wait is over (and whatever followed it in the turn), before the close.
      const posts = own.fake.callsOf('chat.postMessage');
      expect(posts.length).toBeGreaterThanOrEqual(2);
      expect(posts[1]!.params.blocks).toEqual(posts[0]!.params.blocks);
    } finally {
      await own.close();
    }
  });

  it('past MAX_TURNS_IN_FLIGHT unanswered turns, refuses new events with 503 until they are answered', async () => {
    const own = await startSlackHarness({ MAX_TURNS_IN_FLIGHT: '1' });
    try {
      own.fake.script('chat.postMessage', {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { ok: false, error: 'ratelimited' },
      });
      expect((await sendEvent(own.url, directMessage(QUESTION))).status).toBe(200);
      await own.fake.waitFor('chat.postMessage', 1); // the first turn waits out the 429
      const refused = directMessage(QUESTION, { channel: 'D0BUSY001' }, newEventId());
      const busy = await sendEvent(own.url, refused);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      await own.server.settled();
      expect(own.turns).toHaveLength(1);
      // Slack's retry of the refused event, once the first is answered, is taken.
      const retry = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } };
      const again = await sendEvent(own.url, refused, retry);
      expect(again.status).toBe(200);
      await own.server.settled();
      expect(own.fake.callsOf('chat.postMessage').map((c) => c.params.channel)).toContain('D0BUSY001');
    } finally {
      await own.close();
    }
  });

  it('retries a 5xx with back-off and delivers', async () => {
    h.fake.script('chat.postMessage', { status: 503, body: {} }, { status: 500, body: {} });
    await sendEvent(h.url, directMessage('do I need a PIA to set up a Twitter account?'));
    const posts = await h.fake.waitFor('chat.postMessage', 3);
    expect(posts[2]!.params.blocks).toBeDefined();
  });

  it('sends the contact fallback once when Slack rejects the reply', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
    await sendEvent(h.url, mention(QUESTION));
    const [failed, fallback] = await h.fake.waitFor('chat.postMessage', 2);
    expect(failed!.params.blocks).toBeDefined();
    expect(fallback!.params.blocks).toBeUndefined();
    expect(fallback!.params.thread_ts).toBe(failed!.params.thread_ts);
    expect(String(fallback!.params.text)).toContain('citizenengagement@gov.bc.ca');
    expect(h.logs.some((line) => line.includes('invalid_blocks'))).toBe(true);
  });

  it('keeps serving when Slack is down: both tries fail, the process answers the next request', async () => {
    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'channel_not_found' } },
      { body: { ok: false, error: 'channel_not_found' } },
    );
    await sendEvent(h.url, directMessage('do I need a PIA to set up a Twitter account?'));
    await h.fake.waitFor('chat.postMessage', 2);
    await sendEvent(h.url, directMessage('do I need a PIA to set up a Twitter account?'));
    await h.fake.waitFor('chat.postMessage', 3);
  });

  it('never logs what people typed', async () => {
    const secret = 'my neighbour Jane Doe at 123 Fake Street wants a PIA';
    await sendEvent(h.url, directMessage(secret));
    await h.fake.waitFor('chat.postMessage');
    expect(h.logs.some((line) => line.includes('slack turn answered'))).toBe(true);
    expect(h.logs.join('\n')).not.toContain('Jane Doe');
  });
});

describe('refusing requests', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const refused = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  };

  it('401 for a forged signature', async () => {
    await refused(
      await sendEvent(h.url, mention(QUESTION), { secret: '0000000000000000deadbeefdeadbeef' }),
      401,
    );
  });

  it('401 without signature headers', async () => {
    await refused(await sendEvent(h.url, mention(QUESTION), { unsigned: true }), 401);
  });

  it('401 for a body changed after signing', async () => {
    const body = JSON.stringify(mention(QUESTION));
    const res = await sendRaw(h.url, body, 'application/json', {
      headers: { 'x-slack-signature': 'v0=' + '0'.repeat(64) },
    });
    await refused(res, 401);
  });

  it('401 for a correctly signed request stamped more than five minutes ago', async () => {
    await refused(await sendEvent(h.url, mention(QUESTION), { timestamp: now() - 6 * 60 }), 401);
  });

  it('401 for a correctly signed request stamped more than five minutes ahead', async () => {
    await refused(await sendEvent(h.url, mention(QUESTION), { timestamp: now() + 6 * 60 }), 401);
  });

  it('400 for a signed body that is not a Slack payload', async () => {
    await refused(await sendRaw(h.url, '{"event": {"text": "hi"', 'application/json'), 400);
    await refused(await sendRaw(h.url, '{"hello": "world"}', 'application/json'), 400);
    await refused(await sendRaw(h.url, 'payload=%7Bnot-json', 'application/x-www-form-urlencoded'), 400);
  });

  it('400, logged, for a signed event callback whose event is null or missing', async () => {
    const before = h.logs.length;
    for (const event of [null, undefined, 'message', { text: 'no type' }]) {
      const body = { ...envelope('message-im.json'), event };
      await refused(await sendRaw(h.url, JSON.stringify(body), 'application/json'), 400);
    }
    const refusals = h.logs
      .slice(before)
      .filter((line) => line.includes('slack request refused') && line.includes('"status":400'));
    expect(refusals).toHaveLength(4);
  });

  it('413 for a body over the limit', async () => {
    const big = JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(300 * 1024) });
    await refused(await sendRaw(h.url, big, 'application/json'), 413);
  });

  it("answers Slack's SSL check, which comes unsigned, with 200", async () => {
    const res = await sendRaw(h.url, 'ssl_check=1&token=t', 'application/x-www-form-urlencoded', {
      unsigned: true,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(h.fake.calls).toHaveLength(0);
  });

  it('404 at once for a click that nothing handles, instead of a 3-second wait', async () => {
    const started = Date.now();
    const click = clickOnMessage(
      { actionId: 'another-app:open', value: 'x', label: 'Open', responseUrl: h.fake.responseUrl('r-1') },
      { ts: '1732435300.000200', blocks: [] },
    );
    const res = await sendAction(h.url, click);
    expect(res.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(h.fake.calls).toHaveLength(0);
  });

  it("answers Slack's URL verification challenge", async () => {
    const res = await sendEvent(h.url, { token: 't', challenge: 'c-123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c-123');
  });
});

describe('decision records (issue 16 item 18)', () => {
  it('posts the record as a plain-text message of its own after the outcome card, one tel: link per number', async () => {
    await sendEvent(h.url, directMessage('records'));
    const before = (await h.fake.waitFor('chat.postMessage', 1)).length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const asked = Math.max(before, h.fake.callsOf('chat.postMessage').length);
    await sendEvent(h.url, directMessage('no'));
    const posts = await h.fake.waitFor('chat.postMessage', asked + 2);
    const [card, record] = posts.slice(asked);
    expect(blockTexts(card!)).toContain('Transitory: no need to file it');
    expect(record!.params.blocks ?? []).toEqual([]);
    const text = String(record!.params.text);
    expect(text).toContain('# Decision record: Do I need to keep this?');
    expect(text).toContain(
      '1. Affects a decision or policy, or documents advice, a transaction or operations? No',
    );
    expect(text).toContain('- Record id: GB-');
    expect(text).toContain('(America/Vancouver)');
    expect(text).toContain('## Outcome: Transitory: no need to file it');
    expect(text).toContain(
      '- Appendix A › Records Management\n  &gt; "If online interactions are transitory',
    );
    expect(blockTexts(card!)).not.toContain('Record id');
  });

  it('links each incident number on its own (tel:+12503877000, tel:+18666600811) and says Option 3 in text', async () => {
    await sendEvent(h.url, directMessage('information incident'));
    const [post] = await h.fake.waitFor('chat.postMessage');
    const blocks = blockTexts(post!);
    expect(blocks).toContain('<tel:+12503877000|250 387-7000>');
    expect(blocks).toContain('<tel:+18666600811|toll-free 1-866-660-0811>');
    expect(blocks).toContain('then choose Option 3');
    expect(blocks).not.toMatch(/tel:\+?\d*2503877000\d/);
    // Both calls are immediate: the OCIO contact does not wait for the supervisor (item 4).
    expect(blocks).toContain('report it immediately to your supervisor or manager as well');
    expect(blocks).not.toContain('after telling your supervisor');
  });
});
