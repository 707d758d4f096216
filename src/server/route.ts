import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP endpoint a channel serves on the shared port. Handlers read their own body (Bolt needs it raw). */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/** Sends a small JSON body with the status; used by routes for their own errors. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  // After a 413 the rest of the body is still on the wire: closing the connection drops it unread.
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  // An answer given before the body was read (413, 404, 405, 401, 403, 415): close the connection rather than
  // read the rest, which a client could make gigabytes long.
  if (status === 413 || (res.req && !res.req.complete && hasBody(res.req))) headers.connection = 'close';
  res.writeHead(status, headers);
  res.end(text);
}

/**
 * 503 for a channel with too many turns still being answered (see ChannelContext.overloaded). Slack and
 * the Bot Connector send a refused request again later; Retry-After says how soon helps.
 */
export function sendBusy(res: ServerResponse): void {
  res.setHeader('retry-after', '1');
  sendJson(res, 503, { error: 'busy: too many turns in flight, try again shortly' });
}

/** True when the request says a body follows (a length above 0, or chunks). */
function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return length > 0 || req.headers['transfer-encoding'] !== undefined;
}
