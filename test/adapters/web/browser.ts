import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { makeTempDir, removeTempDirs } from '../../helpers/knowledge-copy';
import { startTestServer, type TestServer } from './web-server';

/** Debian's chromium; .ci/run installs it when it is missing. */
export const CHROMIUM = '/usr/bin/chromium';

// Offline and quiet: no GPU, no QUIC, no background updates or sync calling out to the internet.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless chromium with a fresh profile directory. */
export async function launchChromium(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium" (.ci/run does)`);
  return chromium.launchPersistentContext(makeTempDir('chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
}

/** A page of the chat with its console errors and uncaught exceptions collected in `problems`. */
export interface ChatPage {
  page: Page;
  problems: string[];
}

/** Opens the chat in a new tab (a new conversation) and waits for the welcome reply. */
export async function openChat(
  context: BrowserContext,
  url: string,
  viewport = { width: 1000, height: 800 },
): Promise<ChatPage> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${url}/`);
  await botMessages(page).first().waitFor();
  return { page, problems };
}

/** The bot's messages, oldest first. */
export const botMessages = (page: Page): Locator => page.locator('#messages > li.bot');

/** Runs `act` and waits until the bot has answered; returns the messages of that answer (one or more). */
export async function afterReply(page: Page, act: () => Promise<void>): Promise<Locator> {
  const before = await botMessages(page).count();
  await act();
  await botMessages(page).nth(before).waitFor({ timeout: 15_000 });
  // A turn's replies (an answer, and a note such as the collection notice) are added together after the
  // person's message; pin them by that message's position so the locator does not move on with later turns.
  const turn = await page.locator('#messages > li.mine').count();
  const has = (name: string) => `contains(concat(" ", @class, " "), " ${name} ")`;
  return page.locator(
    `xpath=//ol[@id="messages"]/li[${has('bot')}][count(preceding-sibling::li[${has('mine')}]) = ${turn}]`,
  );
}

/** Types a question in the message box and presses Enter, as a person would. */
export async function ask(page: Page, question: string): Promise<Locator> {
  return afterReply(page, async () => {
    await page.locator('#message').fill(question);
    await page.locator('#message').press('Enter');
  });
}

/**
 * The real server (default channels) and chromium for one test file, started before its tests and stopped
 * after them. Every page `open` opens is checked after each test: no script errors, no CSP violations.
 */
export function chatSession() {
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  const opened: ChatPage[] = [];
  beforeAll(async () => {
    server = await startTestServer({});
    context = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await server?.running.close();
    removeTempDirs();
  });
  afterEach(() => {
    for (const { problems } of opened.splice(0)) expect(problems).toEqual([]);
  });
  return {
    server: (): TestServer => server!,
    context: (): BrowserContext => context!,
    async open(viewport?: { width: number; height: number }): Promise<Page> {
      const chat = await openChat(context!, server!.url, viewport);
      opened.push(chat);
      return chat.page;
    },
  };
}
