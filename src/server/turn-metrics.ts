import type { Registry } from 'prom-client';
import type { Bot } from '../core/bot';
import type { TurnObserver } from '../core/turn-event';
import { createMetrics, type Metrics } from './metrics';

/** A TurnObserver that counts every reply by kind and channel in `registry` (guidebot_replies_total). */
export function createMetricsObserver(registry: Registry): TurnObserver {
  const { replies } = createMetrics(registry);
  return (event) => {
    for (const reply of event.replies) replies.inc({ kind: reply.kind, channel: event.inbound.channel });
  };
}

/** Wraps a bot so the time each turn takes is observed in guidebot_answer_latency_seconds. */
export function withAnswerTiming(bot: Bot, metrics: Pick<Metrics, 'answerLatency'>): Bot {
  // Spread first: whatever else a Bot offers (welcome, ...) passes through untouched.
  return {
    ...bot,
    async handle(inbound) {
      const stop = metrics.answerLatency.startTimer({ channel: inbound.channel });
      try {
        return await bot.handle(inbound);
      } finally {
        stop();
      }
    },
  };
}
