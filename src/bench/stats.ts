/** Summary of a set of timings, in milliseconds. */
export interface Summary {
  samples: number;
  medianMs: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile (0 < p <= 100) of values already sorted ascending. */
function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Middle value (mean of the two middle ones for an even count) of values already sorted ascending. */
function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (!n) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function median(values: ArrayLike<number>): number {
  return medianOfSorted(Float64Array.from(values).sort());
}

/** Median, p99, min and max of durations given in nanoseconds, reported in milliseconds. */
export function summarizeNs(durationsNs: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(durationsNs).sort();
  const ms = (ns: number): number => ns / 1e6;
  return {
    samples: sorted.length,
    medianMs: ms(medianOfSorted(sorted)),
    p99Ms: ms(percentile(sorted, 99)),
    minMs: ms(sorted[0] ?? Number.NaN),
    maxMs: ms(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** a / b, or NaN when b is not a positive number (printed as "n/a"). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Number.NaN;
}
