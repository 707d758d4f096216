import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningServer } from '../../../src/server/serve';

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  method: string;
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** The activity id the connector answered with. */
  returnedId?: string;
}

/** A Bot Connector on loopback: records every call and answers like the real service. */
export interface FakeConnector {
  /** The serviceUrl to put in activities, e.g. http://127.0.0.1:41234/ */
  url: string;
  calls: ConnectorCall[];
  /** Messages the bot posted or updated (typing indicators left out). */
  messages(): ConnectorCall[];
  /** The messages once there are at least `count` (a server in another process answers after its 200). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Makes POST /v3/conversations (createConversation) fail with this status. */
  refuseNewConversations(status: number): void;
  /**
   * Makes the next `count` message posts or updates fail with `status` (403: not retried by the client),
   * with a Retry-After header when `retryAfterSeconds` is given (as the connector throttles).
   */
  failNextMessages(count: number, status?: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let refuseStatus = 0;
  let failures = 0;
  let failStatus = 403;
  let retryAfter: number | undefined;
  let next = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const call: ConnectorCall = { method: req.method ?? '', path: req.url ?? '', body };
      if (req.headers.authorization) call.authorization = req.headers.authorization;
      calls.push(call);
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && /^\/v3\/conversations\/?$/.test(call.path)) {
        if (refuseStatus) {
          res.writeHead(refuseStatus).end(JSON.stringify({ error: { code: 'BotNotInConversationRoster' } }));
          return;
        }
        res.end(JSON.stringify({ id: 'a:personal-chat-with-alex', activityId: 'created-1' }));
        return;
      }
      if (failures > 0 && call.body.type === 'message') {
        failures--;
        if (retryAfter !== undefined) res.setHeader('retry-after', String(retryAfter));
        res.writeHead(failStatus).end(JSON.stringify({ error: { code: 'Forbidden' } }));
        return;
      }
      const activityId = /\/activities\/([^/?]+)$/.exec(call.path)?.[1];
      call.returnedId =
        req.method === 'PUT' && activityId ? decodeURIComponent(activityId) : `bot-message-${++next}`;
      res.end(JSON.stringify({ id: call.returnedId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const messages = (): ConnectorCall[] => calls.filter((c) => c.body.type === 'message');
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    messages,
    async waitForMessages(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (messages().length < count && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      return messages();
    },
    refuseNewConversations: (status) => (refuseStatus = status),
    failNextMessages: (count, status = 403, retryAfterSeconds) => {
      failures = count;
      failStatus = status;
      retryAfter = retryAfterSeconds;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const FIXTURES = path.resolve(__dirname, '../../fixtures/teams');

/** A fixture activity with `{{name}}` placeholders filled in, and any fields overridden. */
export function fixture(
  name: string,
  values: Record<string, string>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  let raw = readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');
  for (const [key, value] of Object.entries(values)) raw = raw.split(`{{${key}}}`).join(value);
  return { ...(JSON.parse(raw) as Record<string, unknown>), ...overrides };
}

/** Where activities go: a running server (whose turns are then waited for), or a bare base URL. */
export type ActivityTarget = string | Pick<RunningServer, 'url' | 'settled'>;

/**
 * Posts an activity to the server as the Bot Connector does. Messages are answered after they are
 * acknowledged: given the running server, this resolves once the answer is sent, as a person in the chat
 * sees it.
 */
export async function postActivity(
  target: ActivityTarget,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const baseUrl = typeof target === 'string' ? target : target.url;
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (typeof target !== 'string') await target.settled();
  return { status: res.status, body: text };
}

/** The Adaptive Card of a posted message, if it has one. */
export function cardOf(call: ConnectorCall): Record<string, unknown> | undefined {
  const attachments = call.body.attachments as
    Array<{ contentType: string; content: Record<string, unknown> }> | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Every element of a card, depth first (containers and action sets opened). */
export function elementsOf(node: unknown): Array<Record<string, unknown>> {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  const record = node as Record<string, unknown>;
  return [record, ...elementsOf(record.body), ...elementsOf(record.items), ...elementsOf(record.actions)];
}

/** The text of every TextBlock (Markdown) and RichTextBlock (plain, for people's words) in a card, in order. */
export function cardTexts(card: unknown): string[] {
  return elementsOf(card)
    .filter((e) => e.type === 'TextBlock' || e.type === 'RichTextBlock')
    .map((e) =>
      e.type === 'TextBlock'
        ? String(e.text)
        : (e.inlines as Array<{ text: string }>).map((run) => run.text).join(''),
    );
}

/** The Action.Submit buttons of a card. */
export function submitButtons(
  card: unknown,
): Array<{ title: string; data: { guidebot: { choice: string; dialog?: string } } }> {
  return elementsOf(card)
    .filter((e) => e.type === 'Action.Submit')
    .map((e) => ({
      title: String(e.title),
      data: e.data as { guidebot: { choice: string; dialog?: string } },
    }));
}
