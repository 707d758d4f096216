import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { teamsSetup } from '../../../src/adapters/teams';
import { startServer, type RunningServer } from '../../../src/server/serve';
import { makeTempDir, removeTempDirs, REPO_ROOT } from '../../helpers/knowledge-copy';
import { cardTexts, submitButtons } from './fake-connector';

// Microsoft 365 Agents Playground: a local Teams-like client (dev dependency) that runs offline on loopback.
const PLAYGROUND = path.join(REPO_ROOT, 'node_modules/.bin/agentsplayground');
const available = existsSync(PLAYGROUND);
if (!available) console.warn(`Agents Playground test skipped: ${PLAYGROUND} is not installed`);
const describeWithPlayground = available ? describe : describe.skip;

jest.setTimeout(60_000);

interface StreamEvent {
  action: string;
  actionConversationId?: string;
  message?: {
    messageId: string;
    text?: string;
    attachments?: Array<{ contentType: string; content: unknown }>;
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describeWithPlayground('Teams with the real Microsoft 365 Agents Playground', () => {
  let server: RunningServer;
  let playground: ChildProcess;
  let base: string;
  let stream: WebSocket;
  const events: StreamEvent[] = [];
  let conversationId: string;
  let userId: string;

  beforeAll(async () => {
    server = await startServer({
      env: { PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      setups: [teamsSetup],
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const args = [
      'start',
      '-e',
      `${server.url}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--disable-telemetry',
    ];
    playground = spawn(PLAYGROUND, args, {
      cwd: makeTempDir('playground'), // it writes devTools/ logs into its working directory
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: 'ignore',
    });
    await waitFor(
      async () => (await fetch(`${base}/_debug/ping`).catch(() => undefined))?.ok === true,
      30_000,
    );
    const { config } = (await (await fetch(`${base}/_internal/v1/config`)).json()) as {
      config: { personalChat: { id: string }; currentUser: { id: string } };
    };
    conversationId = config.personalChat.id;
    userId = config.currentUser.id;
    stream = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    stream.on('message', (data) => events.push(JSON.parse(String(data)) as StreamEvent));
    await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
  });

  afterAll(async () => {
    stream?.close();
    playground?.kill();
    await server?.close();
    removeTempDirs();
  });

  async function send(text: string): Promise<void> {
    const res = await fetch(`${base}/_conversation/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: userId }, text, textFormat: 'plain' }),
    });
    expect(res.status).toBe(200);
  }

  async function click(replyToId: string, value: unknown): Promise<void> {
    const res = await fetch(`${base}/_conversation/v1/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversation: { id: conversationId }, from: { id: userId }, replyToId, value }),
    });
    expect(res.status).toBeLessThan(300);
  }

  /** The next bot message with a card after `from` events, as the client shows it. */
  async function nextCard(from: number, action = 'createMessage'): Promise<{ id: string; card: unknown }> {
    let found: StreamEvent | undefined;
    await waitFor(async () => {
      found = events.slice(from).find((e) => e.action === action && cardIn(e));
      return !!found;
    }, 15_000);
    return { id: found!.message!.messageId, card: cardIn(found!) };
  }

  test('a question is answered with the quoting card, and clicking a choice on a card answers it', async () => {
    let mark = events.length;
    await send('can i tweet abt a court case?');
    const answered = await nextCard(mark);
    expect(cardTexts(answered.card).join('\n')).toContain(
      '1) matters before the courts; 2) draft legislation;',
    );

    mark = events.length;
    await send('pizza budget for the privacy team');
    const offered = await nextCard(mark);
    const [button] = submitButtons(offered.card);
    expect(button?.title).toBe('Appendix A › Privacy');

    mark = events.length;
    await click(offered.id, button!.data);
    const after = await nextCard(mark);
    // Nothing in the section fits a pizza budget: the section's opening rule.
    expect(cardTexts(after.card).join('\n')).toContain(
      'One of the biggest considerations in using social media is the protection of any personal information',
    );
  });

  test('a dialog step clicked on its card replaces that card in the client instead of adding a message', async () => {
    let mark = events.length;
    await send('privacy check');
    const question = await nextCard(mark);
    expect(cardTexts(question.card)).toEqual(expect.arrayContaining(['Privacy check (FOIPPA)']));
    const buttons = submitButtons(question.card);
    expect(buttons.map((b) => b.title)).toEqual(['Yes', 'No', 'Not sure', 'Cancel']);
    expect(buttons[1]!.data.guidebot.dialog).toBe('privacy');

    mark = events.length;
    await click(question.id, buttons[1]!.data);
    const updated = await nextCard(mark, 'updateMessage');

    expect(updated.id).toBe(question.id);
    expect(cardTexts(updated.card).join('\n')).toContain('FOIPPA does not apply');
    // The only new message is the decision record, in plain text for copying: the step itself is not re-posted.
    const created = events.slice(mark).filter((e) => e.action === 'createMessage');
    expect(created.map((e) => e.message?.text?.split('\n')[0])).toEqual([
      '# Decision record: Privacy check (FOIPPA)',
    ]);
  });
});

function cardIn(event: StreamEvent): unknown {
  return event.message?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms`);
}
