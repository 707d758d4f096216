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

beforeAll(async () => {
  ({ bot } = loadBot({ indexPath: session.server().indexPath }));
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

it('walks a dialog by clicking (or, with no dialogs offered, a "did you mean" section)', async () => {
  const page = await open();
  const welcomeChoices = botMessages(page).first().locator('.choices button');
  if ((await welcomeChoices.count()) > 0) {
    // Start the first dialog and click each step's first answer until the dialog shows it has finished.
    const title = (await welcomeChoices.first().textContent()) ?? '';
    let reply = await afterReply(page, () => welcomeChoices.first().click());
    // The title once, in the header with the step; each bubble only says which step it is.
    let step = 1;
    for (; step < 20; step += 1) {
      const shown = (await reply.locator('.dialog-step').textContent()) ?? '';
      if (shown === 'Finished') break;
      expect(shown).toMatch(new RegExp(`^Step ${step} of (up to )?\\d+$`));
      expect(await page.locator('#dialog-bar').textContent()).toBe(`${title}: ${shown}`);
      expect(await reply.textContent()).not.toContain(title);
      const next = reply.locator('.choices button').first();
      reply = await afterReply(page, () => next.click());
    }
    expect(await page.locator('#dialog-bar').textContent()).toBe(`${title}: Finished`);
    // Earlier steps' buttons are visibly marked as past.
    expect(await page.locator('#messages > li.dialog .past-note').count()).toBe(step - 1);
    // The outcome quotes the guideline with citations, like any answer.
    expect(await reply.locator('figure blockquote').count()).toBeGreaterThan(0);
    expect(await reply.locator('figure figcaption cite').count()).toBeGreaterThan(0);
  } else {
    const fallback = await ask(page, vague.question);
    const first = fallback.locator('.choices button').first();
    const label = (await first.textContent()) ?? '';
    expect(label).toBe(vague.reply.choices[0]?.label);
    const reply = await afterReply(page, () => first.click());
    expect(await reply.locator('figure blockquote').count()).toBeGreaterThan(0);
    expect(await texts(reply.locator('figcaption cite'))).toContain(label);
    // The offer is spent: its buttons no longer act on the conversation.
    expect(await first.isDisabled()).toBe(true);
  }
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
