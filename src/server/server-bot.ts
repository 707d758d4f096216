import type { Bot } from '../core/bot';
import type { CounterStore } from '../core/state/conversation-store';
import { withRateLimit } from '../ops/rate-limit';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { withAnswerTiming } from './turn-metrics';

interface ServerBotOptions {
  bot: Bot;
  store: CounterStore;
  /** RATE_LIMIT_PER_MINUTE; 0 for none. */
  perMinute: number;
  /** The rate-limit reply, from knowledge/operations.yaml. */
  rateLimitMessage: string;
  metrics: Metrics;
  logger: Logger;
}

/** The bot channels get from the server: timed in the metrics, behind the per-user rate limit. */
export function createServerBot({
  bot,
  store,
  perMinute,
  rateLimitMessage,
  metrics,
  logger,
}: ServerBotOptions): Bot {
  // The store counts the windows: in Redis they are shared by every replica.
  return withRateLimit(withAnswerTiming(bot, metrics), store, {
    perMinute,
    message: rateLimitMessage,
    onLimited: (inbound) => metrics.rateLimited.inc({ channel: inbound.channel }),
    onError: (error) => {
      metrics.storeErrors.inc();
      logger.warn({ err: error }, 'rate limit counter failed; turn let through');
    },
  });
}
