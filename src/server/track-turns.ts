import type { Bot } from '../core/bot';

/** A bot whose turns in progress can be waited for: see `trackTurns`. */
interface TrackedBot {
  bot: Bot;
  /**
   * Runs `work`, counted as a turn until it ends: what a channel does after it has acknowledged the request
   * (answer and send), which the server's count of open requests no longer sees.
   */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Turns being answered now. */
  inFlight(): number;
  /** Work started through `track` and not yet done: what has been acknowledged and not yet answered. */
  tracked(): number;
  /** Resolves when no turn is running, or after `timeoutMs`, with how many were still running. */
  settled(timeoutMs: number): Promise<number>;
}

/**
 * Follows every turn of `bot`. Channels such as Slack and Teams acknowledge the HTTP request first and answer
 * after, so the server cannot tell from its connections alone that a turn (its state write, its replies) is
 * still running.
 */
export function trackTurns(bot: Bot): TrackedBot {
  let running = 0;
  let acknowledged = 0;
  let waiters: Array<() => void> = [];
  const done = (): void => {
    running--;
    if (running) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  const follow = async <T>(work: () => Promise<T>): Promise<T> => {
    running++;
    try {
      return await work();
    } finally {
      done();
    }
  };
  return {
    bot: { ...bot, handle: (inbound) => follow(() => bot.handle(inbound)) },
    async track(work) {
      acknowledged++;
      try {
        return await follow(work);
      } finally {
        acknowledged--;
      }
    },
    tracked: () => acknowledged,
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
