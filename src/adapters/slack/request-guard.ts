import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';

// Slack's own rule: a request stamped more than five minutes from now, either way, may be a replay.
const MAX_SKEW_SECONDS = 5 * 60;

/** Why a request was refused, as an HTTP status and a reason for the log (never the body). */
export interface Refusal {
  status: 400 | 401;
  reason: string;
}

/**
 * Checks a request before Bolt sees it: the timestamp within five minutes in both directions (Bolt only
 * rejects old ones), the v0 signature (Bolt's own check), and a body Bolt can route. Undefined means go on.
 */
export function checkSlackRequest(
  headers: IncomingHttpHeaders,
  rawBody: string,
  signingSecret: string,
  nowMs: number = Date.now(),
): Refusal | undefined {
  const timestamp = Number(header(headers, 'x-slack-request-timestamp'));
  const signature = header(headers, 'x-slack-signature');
  if (!Number.isInteger(timestamp) || !signature) return { status: 401, reason: 'missing signature headers' };
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS)
    return { status: 401, reason: 'timestamp more than five minutes from now' };
  const valid = isValidSlackRequest({
    signingSecret,
    body: rawBody,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: nowMs,
  });
  if (!valid) return { status: 401, reason: 'signature mismatch' };
  return isRoutable(header(headers, 'content-type'), rawBody)
    ? undefined
    : { status: 400, reason: 'malformed body' };
}

/** JSON with a `type` (Events API), a form with `command` (slash commands) or `payload` JSON with a `type`. */
function isRoutable(contentType: string | undefined, rawBody: string): boolean {
  try {
    if (contentType?.split(';')[0]?.trim() === 'application/x-www-form-urlencoded') {
      const form = parseForm(rawBody);
      if (form.ssl_check === '1' || typeof form.command === 'string') return true;
      return typeof form.payload === 'string' && hasType(JSON.parse(form.payload));
    }
    return hasType(JSON.parse(rawBody));
  } catch {
    return false;
  }
}

function hasType(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
