import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while a request is handled carries. */
interface RequestContext {
  reqId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

// Letters, digits and a few separators: long enough for UUIDs and load-balancer trace ids, too plain to
// smuggle anything into a log line or a response header.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's x-request-id when it is a sane token, else a new UUID. */
export function toRequestId(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Runs `work` (and everything it awaits) with the request's context, for the logger to pick up. */
export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the request being handled, if any. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
