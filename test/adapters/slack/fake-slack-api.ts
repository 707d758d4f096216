import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseForm } from 'node:querystring';

/** One request the bot made to Slack: a Web API method, or `respond` for a POST to a response_url. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** The response_url path for `respond` calls. */
  path: string;
}

/** A scripted answer: an HTTP status, headers and body, used once, in order, before the defaults. */
export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const BOT = { userId: 'U0BOT0001', botId: 'B0BOT0001', team: 'T0GUIDE01' };

/**
 * A local stand-in for slack.com: answers Web API methods (form-encoded, as @slack/web-api sends them) and
 * response_url posts (JSON), records every call, and fails on cue.
 */
export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private server?: Server;
  private base = '';
  private nextTs = 1732440000;
  /** The WebSocket URL apps.connections.open hands out (Socket Mode). */
  socketUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.answer(req).then(({ status = 200, headers = {}, body }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** SLACK_API_URL for the bot. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response_url Slack would put in a command or click payload. */
  responseUrl(name: string): string {
    return `${this.base}/respond/${name}`;
  }

  /** The next calls of `method` get these answers, in order. */
  script(method: string, ...answers: Scripted[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
  }

  /**
   * Waits until no call has arrived for `quietMs`, so messages still on their way from an earlier test (the
   * collection notice follows a first answer) do not land in the next one.
   */
  async settle(quietMs = 150, timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    let seen = -1;
    while (seen !== this.calls.length && Date.now() < end) {
      seen = this.calls.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until at least `count` calls of `method` arrived (or fails after `timeoutMs`). */
  async waitFor(method: string, count = 1, timeoutMs = 8000): Promise<ApiCall[]> {
    const end = Date.now() + timeoutMs;
    while (this.callsOf(method).length < count) {
      if (Date.now() > end)
        throw new Error(`expected ${count} ${method} call(s), got ${JSON.stringify(this.calls, null, 1)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.callsOf(method);
  }

  private async answer(req: IncomingMessage): Promise<Scripted> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const respond = path.startsWith('/respond/');
    const method = respond ? 'respond' : path.replace(/^\/api\//, '').split('?')[0]!;
    const params = respond ? (JSON.parse(raw) as Record<string, unknown>) : formParams(raw);
    this.calls.push({ method, params, path });
    const scripted = this.scripts.get(method)?.shift();
    return scripted ?? { body: this.defaultBody(method, params) };
  }

  private defaultBody(method: string, params: Record<string, unknown>): unknown {
    const ts = `${this.nextTs++}.000100`;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT.userId, bot_id: BOT.botId, team_id: BOT.team, user: 'guidebot' };
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts, message: { ts, text: params.text } };
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'conversations.open':
        return { ok: true, channel: { id: 'D0OPENED01' } };
      case 'views.publish':
        return { ok: true, view: { id: 'V0HOME01' } };
      case 'respond':
        return { ok: true };
      case 'apps.connections.open':
        return this.socketUrl
          ? { ok: true, url: this.socketUrl }
          : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** Form fields, with the JSON-encoded ones (blocks, view) decoded. */
function formParams(raw: string): Record<string, unknown> {
  const form = parseForm(raw) as Record<string, string>;
  const params: Record<string, unknown> = { ...form };
  for (const key of ['blocks', 'view'])
    if (typeof form[key] === 'string') params[key] = JSON.parse(form[key]);
  return params;
}
