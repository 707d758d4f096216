import { loadWebWording } from '../../../src/adapters/web/web-wording';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge';
import { afterReply, ask, botMessages, chatSession } from './browser';

// The web chat as a first-time user meets it, with the real bot and `guidebot serve`'s default channels
// (no escalation destination configured), in headless chromium.
jest.setTimeout(90_000);

const wording = loadWebWording();
const kb = loadKnowledge();
const PIZZA = 'which pizza place in Victoria delivers late?';
const session = chatSession();
const open = session.open;

it('names the guideline and its version in the header, linking to a readable copy served here', async () => {
  const page = await open();
  const header = page.locator('#guideline');
  expect(await header.textContent()).toContain(`${kb.guideline.meta.title} (${kb.guideline.meta.version}`);
  expect(await header.locator('a').first().getAttribute('href')).toBe('/guideline');
  await page.goto(`${session.server().url}/guideline#b-approvals`);
  expect(await page.locator('#b-approvals h3, #b-approvals h2').first().textContent()).toBe('Approvals');
  const first = kb.guideline.passages.find((p) => p.sectionId === 'b-approvals')!;
  expect(await page.locator('#b-approvals').textContent()).toContain(first.text);
});

it('shows the collection notice once, short, with the full notice behind "more"', async () => {
  const page = await open();
  const notice = botMessages(page).first().locator('.notice');
  expect(await notice.locator('p').first().textContent()).toBe(
    wording.noticeShort.replace('{retentionDays}', '90'),
  );
  const full = notice.locator('details p');
  expect(await full.isVisible()).toBe(false);
  await notice.locator('summary').click();
  expect(await full.textContent()).toContain('Authority: section 26(c)');
  await ask(page, 'can i tweet abt a court case?');
  expect(await page.locator('#messages').textContent()).not.toMatch(
    /About your privacy.*About your privacy/s,
  );
  expect(await page.getByText('About your privacy').count()).toBe(1);
});

it('asks an example question with one click and cites with links to the section', async () => {
  const page = await open();
  const reply = await afterReply(page, () =>
    botMessages(page).first().locator('.examples button').first().click(),
  );
  const link = reply.locator('figcaption cite a').first();
  expect(await link.getAttribute('href')).toMatch(/^\/guideline#[a-z0-9-]+$/);
});

it('without an escalation destination, offers an e-mail holding the question instead of "Send this to them"', async () => {
  const page = await open();
  const fallback = await ask(page, PIZZA);
  expect(await fallback.locator('p').nth(1).textContent()).toBe(wording.fallback);
  expect(await fallback.getByRole('button', { name: 'Send this to them' }).count()).toBe(0);
  const mail = fallback.locator('.escalation-mail a');
  const href = (await mail.getAttribute('href')) ?? '';
  expect(href.startsWith('mailto:citizenengagement@gov.bc.ca?subject=')).toBe(true);
  expect(decodeURIComponent(href.split('&body=')[1] ?? '')).toContain(`"${PIZZA}"`);
});

it('puts the personal-information reminder before the answer it concerns', async () => {
  const page = await open();
  const turn = await ask(page, 'my email is jane.doe@example.com, who approves a new social media project?');
  expect(await turn.first().textContent()).toContain("Please don't share anyone's personal information");
  expect(await turn.nth(1).locator('figure blockquote').count()).toBeGreaterThan(0);
});

it('joins "Switching to another check" to the next message, and shows what would be sent once', async () => {
  const page = await open();
  await afterReply(page, () => page.getByRole('button', { name: 'Should I involve PAB?' }).click());
  const switched = await ask(page, 'privacy check');
  expect(await switched.count()).toBe(1);
  expect(await switched.locator('p').nth(2).textContent()).toMatch(
    /^Switching to another check, .*where you were\. Does the content contain personal information/,
  );
  const person = await ask(page, 'talk to a person');
  const summary = (await person.locator('.escalation-summary').textContent()) ?? '';
  expect(summary.length).toBeGreaterThan(0);
  expect((await person.textContent())?.split(summary.split('\n')[0]!).length).toBe(2);
  expect(await person.locator('.buttons-heading').count()).toBe(0);
});

it('refuses a message over the limit, naming it, and keeps the text', async () => {
  const page = await open();
  const long = 'a'.repeat(2001);
  await page.locator('#message').fill(long);
  await page.locator('#message').press('Enter');
  await page.locator('#status').filter({ hasText: 'limit' }).waitFor();
  expect(await page.locator('#status').textContent()).toBe(
    'Your message is 2,001 characters long; the limit is 2,000. Please shorten it.',
  );
  expect(await page.locator('#message').inputValue()).toBe(long);
  expect(await page.locator('#messages > li.mine').count()).toBe(0);
});

it('starts a new conversation: a new id, the welcome alone', async () => {
  const page = await open();
  await ask(page, PIZZA);
  const before = await page.evaluate('sessionStorage.getItem("guidebot.conversation")');
  await page.getByRole('button', { name: 'New conversation' }).click();
  expect(await page.locator('#messages > li').count()).toBe(1);
  expect(await page.evaluate('sessionStorage.getItem("guidebot.conversation")')).not.toBe(before);
  expect(await page.evaluate('document.activeElement.id')).toBe('message');
});

it('keeps the header in view on a phone', async () => {
  const page = await open({ width: 390, height: 700 });
  await ask(page, 'can i tweet abt a court case?');
  await ask(page, PIZZA);
  await page.mouse.wheel(0, 4000);
  const box = await page.getByRole('button', { name: 'New conversation' }).boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(700);
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
    true,
  );
});

it('gives the OCIO Service Desk numbers as one dialable link each, with "then choose Option 3" as text', async () => {
  const page = await open();
  const turn = await ask(page, 'i lost my work laptop on the bus');
  const hrefs = await turn
    .locator('.contact-details a[href^="tel:"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(expect.arrayContaining(['tel:+12503877000', 'tel:+18666600811']));
  expect(await turn.locator('.phone-note').first().textContent()).toBe('then choose Option 3');
});
