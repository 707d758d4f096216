import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Calls `onLine` for each line of `input`, one at a time, in order. */
export async function eachLine(
  input: Readable,
  onLine: (line: string, n: number) => Promise<void>,
): Promise<void> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of reader) await onLine(line, ++n);
}
