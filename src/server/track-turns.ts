import type { Bot } from '../core/bot';

/** A bot whose turns in progress can be waited for: see `trackTurns`. */
export interface TrackedBot {
  bot: Bot;
  /** Turns being answered now. */
  inFlight(): number;
  /** Resolves when no turn is running, or after `timeoutMs`, with how many were still running. */
  settled(timeoutMs: number): Promise<number>;
}

/**
 * Follows every turn of `bot`. Channels such as Slack acknowledge the HTTP request first and answer after,
 * so the server cannot tell from its connections alone that a turn (and its state write) is still running.
 */
export function trackTurns(bot: Bot): TrackedBot {
  let running = 0;
  let waiters: Array<() => void> = [];
  const done = (): void => {
    running--;
    if (running) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  return {
    bot: {
      ...bot,
      async handle(inbound) {
        running++;
        try {
          return await bot.handle(inbound);
        } finally {
          done();
        }
      },
    },
    inFlight: () => running,
    async settled(timeoutMs) {
      if (!running) return 0;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => waiters.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, Math.max(0, timeoutMs));
        }),
      ]);
      clearTimeout(timer);
      return running;
    },
  };
}
