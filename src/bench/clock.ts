/** Monotonic time in nanoseconds, as a plain number (exact well beyond any benchmark's length). */
export function nowNs(): number {
  return Number(process.hrtime.bigint());
}

/** Runs `fn` and returns how long it took in nanoseconds, with its result. */
export function timed<T>(fn: () => T): { ns: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ns: Number(process.hrtime.bigint() - start), value };
}
