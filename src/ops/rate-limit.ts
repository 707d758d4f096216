import { createHash } from 'node:crypto';
import type { Bot } from '../core/bot';
import type { CounterStore } from '../core/state/conversation-store';
import { rememberRecent } from '../core/memo/recent';
import { simpleReply } from '../core/turns/simple-replies';
import type { Inbound } from '../core/types';

interface RateLimitOptions {
  /** Turns one person may take in a minute on one channel; 0 turns the limit off. */
  perMinute: number;
  /** The friendly reply sent instead of an answer (from knowledge/operations.yaml). */
  message: string;
  /** Told about each refused turn (metrics). */
  onLimited?(inbound: Inbound): void;
  /** Told when the counter fails; the turn is answered anyway. */
  onError?(error: unknown): void;
}

/** The counter key for a person on a channel. The user id is hashed: the store never sees it in the clear. */
export function toRateKey(inbound: Pick<Inbound, 'channel' | 'user'>): string {
  return `rate:${inbound.channel}:${hashUser(inbound.user)}`;
}

/**
 * Turns one network address may take a minute, as a multiple of the per-person limit: several people can
 * share an address (an office behind a proxy), but made-up ids from one address are still bounded.
 */
export const PER_ADDRESS_FACTOR = 5;

// Each message is counted, so the same people's ids are hashed again and again: remember recent ones.
const hashUser = rememberRecent(10_000, (user) =>
  createHash('sha256').update(user).digest('hex').slice(0, 32),
);

/**
 * Wraps a bot so that a person who sends more than `perMinute` messages in a minute gets `message` instead
 * of an answer until the minute is over. When the counter cannot be reached the turn goes through: a store
 * outage must not silence the bot.
 */
export function withRateLimit(bot: Bot, counter: CounterStore, options: RateLimitOptions): Bot {
  if (options.perMinute <= 0) return bot;
  const limited = simpleReply(options.message);
  return {
    ...bot,
    async handle(inbound) {
      let over: boolean;
      try {
        const byAddress = inbound.client
          ? counter.increment(`rate:${inbound.channel}:address:${hashUser(inbound.client)}`, 60)
          : Promise.resolve(0);
        const [count, fromAddress] = await Promise.all([
          counter.increment(toRateKey(inbound), 60),
          byAddress,
        ]);
        over = count > options.perMinute || fromAddress > options.perMinute * PER_ADDRESS_FACTOR;
      } catch (error) {
        options.onError?.(error);
        return bot.handle(inbound);
      }
      if (!over) return bot.handle(inbound);
      options.onLimited?.(inbound);
      return [structuredClone(limited)];
    },
  };
}
