import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createFileAnalyticsStore } from '../../../src/core/analytics/file-store';
import { hashId } from '../../../src/core/analytics/hash-id';
import type { AnalyticsEvent } from '../../../src/core/analytics/event';
import { FEEDBACK_CHOICES, type Reply } from '../../../src/core/types';
import { makeTempDir, removeTempDirs } from '../../helpers/knowledge-copy';
import { createRecordedBot } from './helpers';

// What analytics keep, read back from the files on disk: nothing that names or identifies anyone.
afterAll(removeTempDirs);

const SLACK_USER = 'U07ALICE42';
const THREAD = 'C0123CHAN:1700000000.000100';

const MESSAGES: { text: string; secrets: string[] }[] = [
  {
    text: 'a citizen posted alice.w@gmail.com in a comment, can we keep it?',
    secrets: ['alice.w@gmail.com', 'alice.w'],
  },
  { text: 'someone left (604) 555-0123 on our Facebook page, should I delete it?', secrets: ['555-0123'] },
  { text: 'a man posted his SIN 046 454 286 on our page', secrets: ['046 454 286'] },
  { text: 'PHN 9698 658 215 was in a photo we posted', secrets: ['9698 658 215'] },
  { text: 'the winner lives at 1234 Main St, can we post it?', secrets: ['1234 Main St'] },
  { text: 'her DOB is 1985-03-12, can I post a birthday message?', secrets: ['1985-03-12'] },
  {
    text: 'John posts, "My wife, Jane Smith, needs to take daily doses of Medication A." Can we keep it?',
    secrets: ['John posts', 'Jane Smith', 'Medication A'],
  },
];

function storedText(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('');
}

function events(dir: string): AnalyticsEvent[] {
  return storedText(dir)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AnalyticsEvent);
}

describe('analytics recorder', () => {
  it('keeps one event per turn with the question redacted and no user or conversation id', async () => {
    const dir = makeTempDir('recorder');
    const bot = createRecordedBot(createFileAnalyticsStore(dir));
    const replies: Reply[][] = [];
    for (const { text } of MESSAGES)
      replies.push(await bot.handle({ channel: 'slack', conversation: THREAD, user: SLACK_USER, text }));
    await bot.handle({
      channel: 'slack',
      conversation: THREAD,
      user: SLACK_USER,
      choice: FEEDBACK_CHOICES.notHelpful.id,
    });

    const raw = storedText(dir);
    for (const { secrets } of MESSAGES) for (const secret of secrets) expect(raw).not.toContain(secret);
    expect(raw).not.toContain(SLACK_USER);
    expect(raw).not.toContain('1700000000');

    const kept = events(dir);
    expect(kept).toHaveLength(MESSAGES.length + 1);
    expect(new Set(kept.map((e) => e.user)).size).toBe(1);
    expect(kept[0]!.user).toBe(hashId('test-salt-0123456789', 'user', 'slack', SLACK_USER));
    expect(kept.slice(0, MESSAGES.length).map((e) => e.pi)).toEqual([
      ['email'],
      ['phone'],
      ['sin'],
      ['phn'],
      ['address'],
      ['dateOfBirth'],
      ['name', 'healthDetail'],
    ]);
    // Each event says what the person saw: the kind of reply and the sections it cited.
    kept.slice(0, MESSAGES.length).forEach((event, i) => {
      const main = replies[i]!.find((r) => r.kind !== 'smalltalk')!;
      expect(event.kind).toBe(main.kind);
      expect(event.sectionIds).toEqual([...new Set(main.citations.map((c) => c.sectionId))]);
      // Questions are kept (redacted) for answers and fallbacks; a message that started a dialog is not.
      if (main.kind === 'answer' || main.kind === 'fallback')
        expect(event.question).toMatch(/\[(email|phone|SIN|PHN|address|date of birth|health detail)\]/);
      else expect(event.question).toBeUndefined();
    });
    expect(kept.filter((e) => e.question).length).toBeGreaterThan(0);
    expect(kept[MESSAGES.length]).toMatchObject({ input: 'choice', feedback: 'not-helpful' });
    expect(kept[MESSAGES.length]!.question).toBeUndefined();
  });

  it('redacts on its own when the bot is not wrapped, and keeps no text of small talk', async () => {
    const dir = makeTempDir('recorder-bare');
    const bot = createRecordedBot(createFileAnalyticsStore(dir), { wrap: false });
    await bot.handle({ channel: 'web', conversation: 'w1', user: 'u', text: 'hello' });
    await bot.handle({ channel: 'web', conversation: 'w1', user: 'u', text: MESSAGES[0]!.text });
    const raw = storedText(dir);
    expect(raw).not.toContain('alice.w');
    const [hello, question] = events(dir);
    expect(hello).toMatchObject({ kind: 'smalltalk', input: 'text' });
    expect(hello!.question).toBeUndefined();
    expect(question!.question).toContain('[email]');
  });

  it('hashes the same person differently under another salt', async () => {
    const [a, b] = [makeTempDir('salt-a'), makeTempDir('salt-b')];
    for (const [dir, salt] of [
      [a, 'first-salt-0123456789'],
      [b, 'second-salt-0123456789'],
    ] as const)
      await createRecordedBot(createFileAnalyticsStore(dir), { salt }).handle({
        channel: 'teams',
        conversation: 'x',
        user: 'same-person',
        text: 'hello',
      });
    expect(events(a)[0]!.user).not.toBe(events(b)[0]!.user);
  });

  it('writes files only the owner can read', async () => {
    const dir = makeTempDir('recorder-mode');
    const bot = createRecordedBot(createFileAnalyticsStore(path.join(dir, 'analytics')));
    await bot.handle({ channel: 'web', conversation: 'm', user: 'u', text: 'do I need a PIA?' });
    expect(statSync(path.join(dir, 'analytics')).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(path.join(dir, 'analytics')))
      expect(statSync(path.join(dir, 'analytics', name)).mode & 0o777).toBe(0o600);
  });
});
