import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { createHmac, timingSafeEqual } from 'node:crypto';

// Slack's own rule: a request stamped more than five minutes from now, either way, may be a replay.
const MAX_SKEW_SECONDS = 5 * 60;

/** Why a request was refused, as an HTTP status and a reason for the log (never the body). */
interface Refusal {
  status: 400 | 401;
  reason: string;
}

/** A request that passed: its body as Bolt reads it (the `payload` JSON of interactivity, or the form). */
interface Accepted {
  body: Record<string, unknown>;
}

/**
 * Checks a request before Bolt sees it: the timestamp within five minutes in both directions (Bolt only
 * rejects old ones), the v0 signature, and a body Bolt can route, which it returns parsed.
 */
export function checkSlackRequest(
  headers: IncomingHttpHeaders,
  rawBody: string,
  signingSecret: string,
  nowMs: number = Date.now(),
): Refusal | Accepted {
  // Slack's SSL check may come unsigned (Bolt skips verifying it); it carries nothing and starts nothing.
  if (isForm(header(headers, 'content-type')) && parseForm(rawBody).ssl_check === '1')
    return { body: { ssl_check: '1' } };
  const timestamp = Number(header(headers, 'x-slack-request-timestamp'));
  const signature = header(headers, 'x-slack-signature');
  if (!Number.isInteger(timestamp) || !signature) return { status: 401, reason: 'missing signature headers' };
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS)
    return { status: 401, reason: 'timestamp more than five minutes from now' };
  const valid = signatureMatches(signingSecret, timestamp, rawBody, signature);
  if (!valid) return { status: 401, reason: 'signature mismatch' };
  const body = routableBody(header(headers, 'content-type'), rawBody);
  return body ? { body } : { status: 400, reason: 'malformed body' };
}

/** JSON with a `type` (Events API), a form with `command` (slash commands) or `payload` JSON with a `type`. */
function routableBody(contentType: string | undefined, rawBody: string): Record<string, unknown> | undefined {
  try {
    if (isForm(contentType)) {
      const form = parseForm(rawBody);
      if (typeof form.command === 'string') return { ...form };
      return typeof form.payload === 'string' ? typed(JSON.parse(form.payload)) : undefined;
    }
    return typed(JSON.parse(rawBody));
  } catch {
    return undefined;
  }
}

/**
 * Slack's v0 signature: `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}` under the signing secret,
 * compared in constant time (Bolt's check compares through two more HMACs and a random key per request).
 */
function signatureMatches(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isForm(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
}

function typed(value: unknown): Record<string, unknown> | undefined {
  if (!hasType(value)) return undefined;
  // An event callback whose event is missing or not an object (`"event": null`) would fail inside Bolt.
  if (value.type === 'event_callback' && !hasType(value.event)) return undefined;
  return value;
}

function hasType(value: unknown): value is Record<string, unknown> & { type: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
