import type { Locator } from 'playwright-core';
import type { Bot } from '../../../src/core/bot';
import { loadBot } from '../../../src/core/load-bot';
import type { Reply } from '../../../src/core/types';
import { findA11yProblems } from './a11y-check';
import { afterReply, ask, botMessages, chatSession, openChat } from './browser';
import { loadWebWording } from '../../../src/adapters/web/web-wording';
import { ANSWERABLE, pickQuestion, VAGUE } from './web-server';

const wording = loadWebWording();

// The local web chat end to end: `guidebot serve` with its default channels, driven in headless chromium
// the way a person uses it (typing, Enter, clicking, the keyboard alone, a phone-sized screen).
jest.setTimeout(90_000);

const session = chatSession();
const open = session.open;
let bot: Bot;
let answered: { question: string; reply: Reply };
let vague: { question: string; reply: Reply };
let passageText: (id: string) => string;

beforeAll(async () => {
  const loaded = loadBot({ indexPath: session.server().indexPath });
  ({ bot } = loaded);
  passageText = (id) => loaded.index.passages.get(id)!.text;
  answered = await pickQuestion(bot, ANSWERABLE, (r) => r.kind === 'answer' && r.passages.length > 0);
  vague = await pickQuestion(bot, VAGUE, (r) => r.kind === 'fallback' && r.choices.length > 0);
});

const texts = (locator: Locator): Promise<string[]> => locator.allTextContents();

async function expectCited(message: Locator, passages: Reply['passages']): Promise<void> {
  expect(await texts(message.locator('figure blockquote'))).toEqual(passages.map((p) => p.text));
  const captions = await texts(message.locator('figure figcaption'));
  passages.forEach((passage, i) => {
    expect(captions[i]).toContain(passage.citation.label);
    expect(captions[i]).toContain(passage.citation.version);
  });
}

it('shows the welcome, then answers a typed question (Enter) with quoted passages and citations', async () => {
  const page = await open();
  const welcome = botMessages(page).first();
  expect(await welcome.locator('.lead').textContent()).toBe(wording.lead);
  expect(await texts(welcome.locator('.examples button'))).toEqual(wording.examples);
  expect(await texts(welcome.locator('.choices button'))).toEqual(bot.welcome().choices.map((c) => c.label));
  await page.locator('#message').click();
  const reply = await ask(page, answered.question);
  expect(await page.locator('#messages > li.mine').last().textContent()).toContain(answered.question);
  await expectCited(reply, answered.reply.passages);
  expect(await page.locator('#message').inputValue()).toBe('');
  expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('message');
});

it('walks a dialog from the welcome by clicking: the privacy check, "No", a cited outcome', async () => {
  const page = await open();
  const welcomeChoices = botMessages(page).first().locator('.choices button');
  expect(await texts(welcomeChoices)).toEqual([
    'Should I involve PAB?',
    'Privacy check (FOIPPA)',
    'Information incident report',
    'Can I post this?',
    'Do I need to keep this?',
  ]);
  const step = (await afterReply(page, () => welcomeChoices.nth(1).click())).first();
  // The title once, in the header with the step; the bubble only says which step it is.
  // The server's count: five questions by the longest way, one by the shortest.
  expect(await page.locator('#dialog-bar').textContent()).toBe('Privacy check (FOIPPA): Step 1 of up to 5');
  expect(await step.textContent()).not.toContain('Privacy check (FOIPPA)');
  expect(await step.textContent()).toContain('Does the content contain personal information');
  const answers = step.locator('.choices button');
  expect(await texts(answers)).toEqual(['Yes', 'No', 'Not sure', 'Cancel']);
  const outcome = await afterReply(page, () => answers.nth(1).click());
  expect(await page.locator('#dialog-bar').textContent()).toBe('Privacy check (FOIPPA): Finished');
  // The step's buttons are visibly marked as past.
  expect(await page.locator('#messages > li.dialog .past-note').count()).toBe(1);
  expect(await outcome.textContent()).toContain('FOIPPA does not apply');
  // The outcome quotes the guideline with its citation, like any answer.
  expect(await texts(outcome.locator('figure blockquote'))).toEqual([
    'If there is no personal information FOIPPA does not apply',
  ]);
  expect(await texts(outcome.locator('figure figcaption cite'))).toEqual(['Appendix A › Privacy']);
});

it('a section button quotes what in that section fits the question asked, or its opening rule', async () => {
  const page = await open();
  // The two tests fit the question: the lead-in and both tests, not the section's first passage.
  const tests = await ask(page, 'what are the two tests for a tweet about my hockey team');
  const professional = await afterReply(page, () =>
    tests.locator('.choices button', { hasText: 'Being Professional' }).click(),
  );
  expect(await texts(professional.locator('figure blockquote'))).toEqual([
    passageText('c-being-professional/2'),
    passageText('c-being-professional/3'),
    passageText('c-being-professional/4'),
  ]);
  // Nothing in Records Management fits the misspelt question well: its opening rule, not "Creating the record".
  const misspelt = await ask(page, 'recrods for tweets?');
  const records = await afterReply(page, () =>
    misspelt.locator('.choices button', { hasText: 'Records Management' }).click(),
  );
  expect(await texts(records.locator('figure blockquote'))).toEqual([
    passageText('appendix-a-records-management/1'),
  ]);
  expect(await texts(records.locator('figure figcaption cite'))).toEqual(['Appendix A › Records Management']);
});

it("shows the server's step count, also for a dialog taken up again after another one", async () => {
  const page = await open();
  const welcomeChoices = botMessages(page).first().locator('.choices button');
  const first = await afterReply(page, () => welcomeChoices.nth(1).click());
  const host = await afterReply(page, () => first.locator('.choices button', { hasText: /^Yes$/ }).click());
  expect(await page.locator('#dialog-bar').textContent()).toBe('Privacy check (FOIPPA): Step 2 of up to 5');
  expect(await host.locator('.dialog-step').first().textContent()).toBe('Step 2 of up to 5');
  // Another check in between; its count is its own (a linear one: exact).
  const approvals = await ask(page, 'Should I involve PAB?');
  expect(await page.locator('#dialog-bar').textContent()).toBe('Should I involve PAB?: Step 1 of 4');
  // Back to the privacy check: still its second question, as the server counts it.
  await afterReply(page, () =>
    approvals.locator('.choices button', { hasText: 'Privacy check (FOIPPA)' }).click(),
  );
  expect(await page.locator('#dialog-bar').textContent()).toBe('Privacy check (FOIPPA): Step 2 of up to 5');
});

it('works with the keyboard alone: skip link, Enter to send, Shift+Tab to a choice, Enter to pick it', async () => {
  const page = await open();
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.className')).toBe('skip-link');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate('document.activeElement.id')).toBe('message');
  const fallback = await afterReply(page, async () => {
    await page.keyboard.type(vague.question);
    await page.keyboard.press('Enter');
  });
  await fallback.locator('.choices button').first().waitFor();
  // One Shift+Tab from the message box reaches the latest message's first choice.
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate('document.activeElement.textContent')).toBe(vague.reply.choices[0]?.label);
  // The focused button shows a visible focus ring.
  expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
  const reply = await afterReply(page, () => page.keyboard.press('Enter'));
  expect(await reply.locator('figure blockquote').count()).toBeGreaterThan(0);
});

it('passes the basic accessibility checks with the welcome, a fallback and an answer on screen', async () => {
  const page = await open();
  const fallback = await ask(page, vague.question);
  await ask(page, answered.question);
  expect(await findA11yProblems(page)).toEqual([]);
  const contact = vague.reply.contacts.find((c) => c.email);
  expect(await fallback.locator('.contacts a').first().getAttribute('href')).toBe(`mailto:${contact?.email}`);
});

it('shows typed markup as text, never as HTML', async () => {
  const page = await open();
  const attack = '<img src=x onerror="window.pwned=1"><b>bold</b>';
  await ask(page, attack);
  expect(await page.locator('#messages > li.mine').last().textContent()).toContain(attack);
  expect(await page.locator('#messages img, #messages b').count()).toBe(0);
  expect(await page.evaluate('window.pwned')).toBeUndefined();
});

it('fits a phone screen: no sideways scrolling, touch-sized buttons', async () => {
  const page = await open({ width: 360, height: 740 });
  await ask(page, vague.question);
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
    true,
  );
  const boxes = await Promise.all((await page.locator('button').all()).map((button) => button.boundingBox()));
  for (const box of boxes) {
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }
});

it('says when a message could not be answered and keeps it in the box to send again', async () => {
  const { page } = await openChat(session.context(), session.server().url);
  await page.route('**/api/web/turn', (route) => route.fulfill({ status: 500, body: '{}' }));
  await page.locator('#message').fill(answered.question);
  await page.locator('#message').press('Enter');
  await page.locator('#status').filter({ hasText: 'error 500' }).waitFor();
  expect(await page.locator('#message').inputValue()).toBe(answered.question);
  expect(await page.locator('#messages > li.mine').count()).toBe(0);
  await page.unroute('**/api/web/turn');
  await page.route('**/api/web/turn', (route) => route.abort('connectionrefused'));
  await page.locator('#message').press('Enter');
  await page.locator('#status').filter({ hasText: 'could not be reached' }).waitFor();
  await page.unroute('**/api/web/turn');
  const reply = await ask(page, answered.question);
  await expectCited(reply, answered.reply.passages);
  expect(await page.locator('#status').textContent()).toBe('');
  expect(await page.locator('#messages > li.mine').allTextContents()).toEqual([`You${answered.question}`]);
});
