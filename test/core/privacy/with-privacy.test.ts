import path from 'node:path';
import { createBot, type ConversationState } from '../../../src/core/bot';
import { loadBot } from '../../../src/core/load-bot';
import { freshness } from '../../../src/core/privacy/freshness';
import { loadPrivacyKnowledge } from '../../../src/core/privacy/privacy-file';
import { withPrivacy, type PrivacyOptions } from '../../../src/core/privacy/with-privacy';
import type { SearchIndex } from '../../../src/core/search/search-index';
import { createMemoryStore } from '../../../src/core/state/memory-store';
import type { TurnEvent } from '../../../src/core/turn-event';
import type { Inbound, Reply } from '../../../src/core/types';
import { makeTempDir, removeTempDirs } from '../../helpers/knowledge-copy';

// The wrapper as a person meets it: the real core and knowledge, with privacy.yaml's wording.
const privacy = loadPrivacyKnowledge();
let index: SearchIndex;

beforeAll(() => {
  index = loadBot({ indexPath: path.join(makeTempDir('privacy'), 'index.json') }).index;
});
afterAll(removeTempDirs);

function setUp(options: Partial<PrivacyOptions> = {}) {
  const store = createMemoryStore<ConversationState>();
  const turns: TurnEvent[] = [];
  const core = createBot({ index, store, observe: (event) => void turns.push(event) });
  const bot = withPrivacy(core, privacy, { store, kb: index.kb, retentionDays: 90, ...options });
  const ask = (text: string, conversation = 'c1', channel: Inbound['channel'] = 'web') =>
    bot.handle({ channel, conversation, user: 'u1', text });
  return { bot, store, turns, ask };
}

const notice = (retentionDays = 90) =>
  privacy.collectionNotice.replace('{retentionDays}', String(retentionDays));
const isNotice = (reply: Reply) => reply.intro === notice();

describe('collection notice', () => {
  it('comes once per conversation, after the answer, and says what is kept, how long and who to ask', async () => {
    const { ask } = setUp();
    const first = await ask('do I need a PIA?');
    expect(first[0]!.kind).toBe('answer');
    const notice = first.find(isNotice)!;
    expect(notice.text).toMatch(/questions you type and the choices you click/);
    // Exactly what is removed, and what may not be.
    expect(notice.text).toMatch(/removes email addresses, phone numbers, .* and people's names/);
    expect(notice.text).toMatch(/names typed in lowercase, nicknames and other details .* may be kept/);
    expect(notice.text).toMatch(/deleted after 90 days/);
    expect(notice.text).toContain('citizenengagement@gov.bc.ca');

    const second = await ask('who approves a new Twitter account?');
    expect(second.some(isNotice)).toBe(false);
    expect((await ask('hello', 'c2')).some(isNotice)).toBe(true);
    // The same conversation id on another channel is another conversation.
    expect((await ask('hello', 'c1', 'slack')).some(isNotice)).toBe(true);
  });

  it('is remembered in the store, so a restarted bot on the same store does not repeat it', async () => {
    const { store, ask } = setUp();
    await ask('hello');
    const restarted = withPrivacy(createBot({ index, store }), privacy, {
      store,
      kb: index.kb,
      retentionDays: 90,
    });
    const replies = await restarted.handle({ channel: 'web', conversation: 'c1', user: 'u1', text: 'hi' });
    expect(replies.some(isNotice)).toBe(false);
  });

  it('comes once even when two first messages arrive together', async () => {
    const { ask } = setUp();
    const both = await Promise.all([ask('hello', 'race'), ask('do I need a PIA?', 'race')]);
    expect(both.flat().filter(isNotice)).toHaveLength(1);
  });

  it('states the configured retention period, and is on the welcome screen', async () => {
    const { bot, ask } = setUp({ retentionDays: 30 });
    expect((await ask('hello')).map((r) => r.text).join('\n')).toMatch(/deleted after 30 days/);
    expect(bot.welcome().text).toMatch(/deleted after 30 days/);
    expect(bot.welcome().intro).toMatch(/deleted after 30 days/);
  });

  it('can be left out where the first reply must be the answer (ask --json, eval)', async () => {
    const { ask } = setUp({ collectionNotice: false });
    const replies = await ask('do I need a PIA to set up a Twitter account?');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.kind).toBe('answer');
  });
});

describe('personal information guard in the conversation', () => {
  const example =
    'John Smith posts on our page, "My wife, Jane Smith, needs to take daily doses of Medication A." Can we keep this comment?';

  it('answers the question, reminds the person, and the core never sees the details', async () => {
    const { ask, turns, store } = setUp();
    const replies = await ask(example);
    const reminder = replies.find((r) => r.note === 'personal-information')!;
    expect(reminder.kind).toBe('smalltalk');
    expect(reminder.text).toMatch(/don't share anyone's personal information/);
    expect(reminder.text).toContain('a health or family detail');
    // The question itself is taken up (the model reads "can we keep this comment?" as the records check).
    expect(replies[0]!.kind).not.toBe('fallback');

    const seen = JSON.stringify({ turns: turns.map((t) => t.inbound), state: await store.get('web:c1') });
    expect(seen).toContain('[health detail]');
    for (const secret of ['Jane Smith', 'Medication A', 'daily doses']) expect(seen).not.toContain(secret);
  });

  it("answers the guideline's own example, which describes but does not disclose, without a reminder", async () => {
    const { ask } = setUp({ collectionNotice: false });
    const replies = await ask(
      "a member of the public posted his wife's medical details on our page, can we keep it?",
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]!.citations.map((c) => c.sectionId)).toContain('appendix-a-collection');
  });

  it('names every kind removed, and answers about the redacted comment', async () => {
    const { ask, turns } = setUp({ collectionNotice: false });
    const replies = await ask(
      'a citizen posted his email bob.lee@shaw.ca and cell 604-555-0123 in a comment on our Facebook page, do we have to delete the comment?',
    );
    // The comment is taken up (an answer, or the records check it reads as), then one reminder naming both.
    expect(['answer', 'dialog']).toContain(replies[0]!.kind);
    const reminders = replies.filter((r) => r.text.includes('an email address and a phone number'));
    expect(reminders).toHaveLength(1);
    expect(replies.at(-1)).toBe(reminders[0]);
    expect(JSON.stringify(turns)).not.toMatch(/bob\.lee|555-0123/);
  });

  it('does not remind when staff quote the published OCIO numbers or a gov.bc.ca address', async () => {
    const { ask } = setUp({ collectionNotice: false });
    for (const text of [
      'is 250 387-7000 or 1-866-660-0811 the number for an information incident?',
      'should I email citizenengagement@gov.bc.ca about a privacy question?',
    ]) {
      const replies = await ask(text);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).not.toMatch(/don't share/);
    }
  });

  it('keeps only the redacted question when a "did you mean" section is picked afterwards', async () => {
    const { bot, store } = setUp({ collectionNotice: false });
    const turn = (text?: string, choice?: string) =>
      bot.handle({
        channel: 'web',
        conversation: 'dym',
        user: 'u',
        ...(text && { text }),
        ...(choice && { choice }),
      });
    const first = await turn('where do i get a parking pass for 12 Elm Street');
    const offered = first[0]!.choices.find((c) => c.id.startsWith('section:'));
    expect(offered).toBeDefined();
    const picked = await turn(undefined, offered!.id);
    expect(picked[0]!.citations.length).toBeGreaterThan(0);
    const state = JSON.stringify(await store.get('web:dym'));
    expect(state).toContain('[address]');
    expect(state).not.toContain('12 Elm Street');
  });
});

describe('knowledge freshness', () => {
  const kbWith = (reviewBy: string | null) => ({
    guideline: { meta: { ...index.kb.guideline.meta, reviewBy } },
    contacts: index.kb.contacts,
  });
  const now = new Date('2026-06-15T12:00:00Z');

  it('reports unknown, current and stale from the review-by date', () => {
    expect(freshness(kbWith(null), now)).toEqual({ status: 'unknown', reviewBy: null });
    expect(freshness(kbWith('2026-06-15'), now)).toEqual({ status: 'current', reviewBy: '2026-06-15' });
    expect(freshness(kbWith('2026-06-14'), now)).toEqual({
      status: 'stale',
      reviewBy: '2026-06-14',
      daysOverdue: 1,
    });
    expect(freshness(kbWith('2025-06-15'), now)).toMatchObject({ status: 'stale', daysOverdue: 365 });
  });

  it('adds the one-line notice to answers once the date has passed, and not to small talk', async () => {
    const stale = setUp({ kb: kbWith('2026-01-31'), now: () => now, collectionNotice: false });
    const [answer] = await stale.ask('do I need a PIA?');
    const line = privacy.staleGuideline.replace('{reviewBy}', '2026-01-31');
    expect(answer!.kind).toBe('answer');
    expect(answer!.intro).toContain(line);
    expect(answer!.text).toContain(line);
    expect(answer!.passages.length).toBeGreaterThan(0);
    const [hello] = await stale.ask('hello');
    expect(hello!.text).not.toContain(line);

    const current = setUp({ kb: kbWith('2026-12-31'), now: () => now, collectionNotice: false });
    expect((await current.ask('do I need a PIA?'))[0]!.text).not.toMatch(/due for review/);
  });
});
