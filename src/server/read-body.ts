import type { IncomingMessage } from 'node:http';
import { GuidebotError } from '../core/errors';

/** The default largest request body any route reads: far above a real Slack or Bot Connector payload. */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/** A request body over the limit: routes answer 413 and stop reading. */
export class BodyTooLargeError extends GuidebotError {
  constructor(readonly limitBytes: number) {
    super('REQUEST_INVALID', `request body is over ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the whole body as UTF-8, refusing (before reading more) once it passes `limitBytes`. */
export async function readBody(req: IncomingMessage, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyTooLargeError(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) {
      req.destroy();
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
