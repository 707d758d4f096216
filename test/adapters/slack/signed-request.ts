import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '8f742231b10e8888abcd99eeeeee85a5';
export const BOT_TOKEN = 'xoxb-1234567890-0987654321-TestTokenNotReal';

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret, hex. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
  /** Leave the signature headers off. */
  unsigned?: boolean;
}

/** POSTs a raw body to the bot's /slack/events, signed exactly as Slack signs it. */
export async function sendRaw(baseUrl: string, body: string, contentType: string, options: SendOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signed: Record<string, string> = options.unsigned
    ? {}
    : {
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature(options.secret ?? SIGNING_SECRET, timestamp, body),
      };
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...signed, ...options.headers },
    body,
  });
}

/** An Events API callback (JSON). */
export const sendEvent = (baseUrl: string, envelope: unknown, options?: SendOptions) =>
  sendRaw(baseUrl, JSON.stringify(envelope), 'application/json', options);

/** A slash command (form fields). */
export const sendCommand = (baseUrl: string, fields: Record<string, string>, options?: SendOptions) =>
  sendRaw(baseUrl, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);

/** An interactivity payload: form-encoded, with the JSON in `payload=`. */
export const sendAction = (baseUrl: string, payload: unknown, options?: SendOptions) =>
  sendRaw(
    baseUrl,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
