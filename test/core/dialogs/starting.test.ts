import { removeTempDirs } from '../../helpers/knowledge-copy';
import { createTestBot, last, realIndex } from './bot-helpers';

// Starting a dialog: typed in the person's own words, by name, from the list, from the welcome, from an answer.
afterAll(removeTempDirs);

describe('starting a dialog', () => {
  it.each([
    ['do I need PAB approval', 'approvals'],
    ['I think our account was hacked', 'incident'],
    ['our twitter got hacked!!', 'incident'],
    ['can I post this photo', 'privacy'],
    ['Do I need to keep this?', 'records'],
    ['can I post this?', 'content-check'],
  ])('"%s" starts %s', async (text, id) => {
    const t = createTestBot();
    const reply = last(await t.say(text));
    expect(reply.kind).toBe('dialog');
    expect(reply.dialog).toMatchObject({ id, ended: false });
    expect(reply.choices.length).toBeGreaterThan(1);
  });

  it('the incident dialog shows what to do now, with the OCIO numbers, before any question', async () => {
    const t = createTestBot();
    const replies = await t.say('I think our account was hacked');
    const first = replies[0]!;
    for (const phrase of ['supervisor or manager', '250 387-7000', '1-866-660-0811', 'Option 3'])
      expect(first.text).toContain(phrase);
    const dialog = realIndex().kb.dialogs.find((d) => d.id === 'incident')!;
    const question = dialog.steps.get(dialog.first)!.ask;
    expect(first.text.indexOf('250 387-7000')).toBeLessThan(first.text.indexOf(question));
  });

  it('by name, and "dialogs" lists every dialog as a choice', async () => {
    const t = createTestBot();
    const list = last(await t.say('dialogs'));
    const dialogs = realIndex().kb.dialogs;
    expect(list.choices.map((c) => c.label)).toEqual(dialogs.map((d) => d.title));
    const picked = last(await t.say(String(dialogs.findIndex((d) => d.id === 'records') + 1)));
    expect(picked.dialog?.id).toBe('records');
    expect(last(await t.say('privacy check', 'c2')).dialog?.id).toBe('privacy');
  });

  it('welcome() lists the dialogs as choices that start them', async () => {
    const t = createTestBot();
    const welcome = t.bot.welcome();
    const dialogs = realIndex().kb.dialogs;
    expect(welcome.choices.map((c) => c.label)).toEqual(dialogs.map((d) => d.title));
    for (const [i, choice] of welcome.choices.entries())
      expect(last(await t.click(choice.id, `w${i}`)).dialog?.id).toBe(dialogs[i]!.id);
  });

  it('an answer citing a dialog\'s sections offers "Walk me through", which starts it', async () => {
    const t = createTestBot();
    const answer = last(await t.say('are tweets records?'));
    expect(answer.kind).toBe('answer');
    expect(answer.citations.map((c) => c.sectionId)).toContain('appendix-a-records-management');
    const offer = answer.choices.find((c) => c.label === 'Walk me through: Do I need to keep this?');
    expect(offer).toBeDefined();
    expect(last(await t.click(offer!.id)).dialog?.id).toBe('records');
  });
});
