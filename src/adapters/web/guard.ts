import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../server/route';
import { hostName, isLoopback } from '../../server/loopback';

/** Headers on every web chat response: the page loads only its own files and cannot be framed. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Sets the security headers and refuses requests the web chat should never serve (403): on a loopback
 * server, a Host header naming another host (a DNS-rebinding page reaching 127.0.0.1 under its own name);
 * anywhere, an Origin other than the page's own. Returns false when it has answered.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, loopbackOnly: boolean): boolean {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const host = req.headers.host ?? '';
  if (loopbackOnly && !isLoopback(hostName(host))) {
    sendJson(res, 403, { error: 'this chat only answers on localhost' });
    return false;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) {
    sendJson(res, 403, { error: 'cross-origin requests are not accepted' });
    return false;
  }
  return true;
}
