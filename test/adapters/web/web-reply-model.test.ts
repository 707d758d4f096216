import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { createWebChannel } from '../../../src/adapters/web';
import { loadWebWording } from '../../../src/adapters/web/web-wording';
import type { Bot } from '../../../src/core/bot';
import type { Contact, Inbound, Reply } from '../../../src/core/types';
import { removeTempDirs } from '../../helpers/knowledge-copy';
import { afterReply, botMessages, launchChromium, openChat } from './browser';
import { ANSWERABLE, pickQuestion, startTestServer, type TestServer } from './web-server';

// Every part of the reply model as the page shows it (dialog steps, outcome, feedback, escalation consent,
// contacts), in headless chromium. The core may not yet produce all of these, so a scripted bot plays them;
// the passages and the contact are the real ones from knowledge/.
jest.setTimeout(90_000);

const base = { text: '', passages: [], citations: [], choices: [], contacts: [] };
let server: TestServer;
let context: BrowserContext;
let seen: Inbound[];
let realPassages: Reply['passages'];
let contact: Contact;
const RECORD =
  '# Decision record: Check a post before publishing\n\n- Before the courts? Yes\n- Outcome: Do not post it.\n';
const summary =
  'Question: can I reply to a comment about [redacted]?\nBot reply: the guideline does not say.';

function createScriptedBot(): Bot {
  const dialog = { id: 'check', title: 'Check a post before publishing' };
  const escalation = {
    contact,
    summary,
    consentChoices: [
      { id: 'escalate:send', label: 'Send it to the team' },
      { id: 'escalate:cancel', label: "Don't send" },
    ],
  };
  const script: Record<string, Reply> = {
    'dialog:check': {
      ...base,
      kind: 'dialog',
      intro: 'Does the post discuss a matter before the courts?',
      // A count the page could not work out itself: it shows what the server sends.
      dialog: { ...dialog, ended: false, progress: { step: 3, total: 7, exact: false } },
      choices: [
        { id: 'check:yes', label: 'Yes' },
        { id: 'check:no', label: 'No' },
      ],
    },
    'check:yes': {
      ...base,
      kind: 'dialog',
      intro: 'Do not post it.',
      dialog: { ...dialog, ended: true },
      passages: realPassages,
      citations: realPassages.map((p) => p.citation),
      contacts: [contact],
      feedback: true,
      // The decision record a dialog outcome carries (Markdown), as the dialogs work adds it.
      ...({ record: RECORD } as object),
    },
    'feedback:not-helpful': { ...base, kind: 'smalltalk', intro: 'Sorry it did not help.', escalation },
    'escalate:send': { ...base, kind: 'smalltalk', intro: `Sent to ${contact.name}.` },
  };
  return {
    async handle(inbound) {
      seen.push(inbound);
      const reply = script[inbound.choice ?? ''];
      return [reply ?? { ...base, kind: 'smalltalk', intro: 'unexpected turn' }];
    },
    welcome: () => ({
      ...base,
      kind: 'smalltalk',
      intro: 'Welcome.',
      choices: [{ id: 'dialog:check', label: 'Check a post before publishing' }],
    }),
  };
}

beforeAll(async () => {
  seen = [];
  server = await startTestServer({}, [
    () => ({
      name: 'web',
      enabled: true,
      summary: 'scripted bot',
      async create(ctx) {
        // The real bot and knowledge supply the passages and the contact the script shows.
        realPassages = (await pickQuestion(ctx.bot, ANSWERABLE, (r) => r.passages.length > 0)).reply.passages;
        contact = ctx.index.kb.contacts.contacts.find((c) => c.email)!;
        // As with an escalation destination configured: consent is asked before sending.
        const escalation = { ...ctx.escalation!, configured: async () => true };
        return createWebChannel({ ...ctx, bot: createScriptedBot(), escalation }, true, loadWebWording());
      },
    }),
  ]);
  context = await launchChromium();
});
afterAll(async () => {
  await context?.close();
  await server?.running.close();
  removeTempDirs();
});

const click = (page: Page, name: string) =>
  afterReply(page, () => page.getByRole('button', { name }).click());

it('walks a dialog, shows its outcome with citations, feedback and contact, and asks consent before escalating', async () => {
  const { page, problems } = await openChat(context, server.url);
  const step = await click(page, 'Check a post before publishing');
  expect(await page.locator('#dialog-bar').textContent()).toBe(
    'Check a post before publishing: Step 3 of up to 7',
  );
  expect(await step.textContent()).toContain('Does the post discuss a matter before the courts?');

  const outcome = await click(page, 'Yes');
  expect(await page.locator('#dialog-bar').textContent()).toBe('Check a post before publishing: Finished');
  expect(await outcome.locator('.dialog-step').textContent()).toBe('Finished');
  expect(await outcome.locator('blockquote').allTextContents()).toEqual(realPassages.map((p) => p.text));
  expect(await outcome.locator('figcaption').first().textContent()).toContain(
    realPassages[0]!.citation.version,
  );
  expect(await outcome.locator('.contacts a').first().getAttribute('href')).toBe(`mailto:${contact.email}`);
  // The record: copied to the clipboard, or downloaded as a Markdown file, word for word.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await outcome.getByRole('button', { name: 'Copy record' }).click();
  await page.locator('#status').filter({ hasText: 'copied' }).waitFor();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(RECORD);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    outcome.getByRole('link', { name: 'Download (.md)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('decision-record.md');
  expect(readFileSync((await download.path())!, 'utf8')).toBe(RECORD);
  const feedback = outcome.getByRole('group', { name: 'Was this helpful?' });
  expect(await feedback.getByRole('button').allTextContents()).toEqual(['Helpful', 'Not helpful']);
  // The spent step's buttons stop; the welcome's dialog buttons stay usable, like a home screen.
  expect(await step.getByRole('button', { name: 'No' }).isDisabled()).toBe(true);
  const home = botMessages(page).first().getByRole('button', { name: 'Check a post before publishing' });
  expect(await home.isEnabled()).toBe(true);

  const offer = await click(page, 'Not helpful');
  expect(await offer.locator('.escalation-summary').textContent()).toBe(summary);
  expect(await offer.textContent()).toContain(contact.name);
  const consent = offer.locator('.consent button');
  expect(await consent.allTextContents()).toEqual(['Send it to the team', "Don't send"]);

  const sent = await click(page, 'Send it to the team');
  expect(await sent.textContent()).toContain(`Sent to ${contact.name}.`);

  expect(seen.map((turn) => turn.choice)).toEqual([
    'dialog:check',
    'check:yes',
    'feedback:not-helpful',
    'escalate:send',
  ]);
  expect(problems).toEqual([]);
});

it('sends one random conversation id per tab, no name, and the id as the user', async () => {
  const before = seen.length;
  for (let tab = 0; tab < 2; tab += 1) {
    const { page } = await openChat(context, server.url);
    await click(page, 'Check a post before publishing');
    await click(page, 'Yes');
    await page.close();
  }
  const turns = seen.slice(before);
  expect(turns).toHaveLength(4);
  for (const turn of turns) {
    expect(turn.channel).toBe('web');
    expect(turn.conversation).toMatch(/^[0-9a-f]{32}$/);
    expect(turn.user).toBe(turn.conversation);
  }
  expect(turns[0]!.conversation).toBe(turns[1]!.conversation);
  expect(turns[2]!.conversation).toBe(turns[3]!.conversation);
  expect(turns[0]!.conversation).not.toBe(turns[2]!.conversation);
});
