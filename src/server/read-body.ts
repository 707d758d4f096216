import type { IncomingMessage } from 'node:http';
import { GuidebotError } from '../core/errors';

/** The default largest request body any route reads: far above a real Slack or Bot Connector payload. */
const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * A request body over the limit. Let it propagate: the server answers 413 and closes the connection, so the
 * rest of the body is never read.
 */
export class BodyTooLargeError extends GuidebotError {
  constructor(readonly limitBytes: number) {
    super('REQUEST_INVALID', `request body is over ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** A request body that is not what the route accepts (not JSON, wrong shape). The server answers 400. */
export class MalformedBodyError extends GuidebotError {
  constructor(reason: string) {
    super('REQUEST_INVALID', reason);
    this.name = 'MalformedBodyError';
  }
}

/**
 * Reads the whole body as UTF-8, refusing once it passes `limitBytes`: at once when Content-Length says so,
 * otherwise at the first chunk past the limit, after which the stream is left paused and unread.
 */
export function readBody(req: IncomingMessage, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes)
    return Promise.reject(new BodyTooLargeError(limitBytes));
  // Listeners rather than `for await`: leaving that loop early destroys the socket, and the 413 with it.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        finish();
        req.pause();
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      finish();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error): void => {
      finish();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Reads a JSON body within the limit; anything that does not parse is a MalformedBodyError (400). */
export async function readJsonBody(
  req: IncomingMessage,
  limitBytes = DEFAULT_BODY_LIMIT_BYTES,
): Promise<unknown> {
  const text = await readBody(req, limitBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's own message quotes the body, which may be someone's message: keep it out of errors and logs.
    throw new MalformedBodyError('request body is not valid JSON');
  }
}
