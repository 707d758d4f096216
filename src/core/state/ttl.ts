/** Rejects a TTL no store can honour (zero, negative, NaN, Infinity): a caller's mistake, not the store's. */
export function checkTtl(seconds: number): void {
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new RangeError(`A store TTL must be a positive number of seconds, not ${seconds}`);
  }
}

/** Whole milliseconds for PX/PEXPIRE, at least 1 so a tiny positive TTL does not become "no expiry". */
export function ttlMilliseconds(seconds: number): number {
  return Math.max(1, Math.round(seconds * 1000));
}
