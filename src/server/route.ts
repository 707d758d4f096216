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
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}
