/** Where log lines go: pino writes each one whole, as one string. */
export interface LineSink {
  write(line: string): unknown;
}

export interface HeldLines extends LineSink {
  /** Writes what was held, in order, and passes every later line straight through. Idempotent. */
  release(): void;
}

/**
 * Holds the lines written to it until `release()`. `guidebot serve` logs through one while it starts, so the
 * line for a person ("guidebot is running. Open …") is the first thing on the terminal, and is printed only
 * once the server really listens: the start-up log lines follow it, or, when start-up fails, come out before
 * the error and no such line is printed at all.
 */
export function holdLines(target: LineSink): HeldLines {
  let held: string[] | undefined = [];
  return {
    write(line: string) {
      if (held) held.push(line);
      else target.write(line);
      return true;
    },
    release() {
      if (!held) return;
      const lines = held;
      held = undefined;
      if (lines.length) target.write(lines.join(''));
    },
  };
}
