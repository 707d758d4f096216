/** True when the process runs with --expose-gc, so heap figures are measured after a full collection. */
export const GC_EXPOSED = typeof globalThis.gc === 'function';

/** Collects garbage when the process allows it. */
function collectGarbage(): void {
  if (globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
  }
}

/** Bytes of JS heap in use, after a full collection when --expose-gc is on (otherwise approximate). */
export function heapUsedAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
