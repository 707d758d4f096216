import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { sendJson, type Route } from './route';

/** Seconds: from a few milliseconds (answers from memory) to the 3 s Slack allows before it retries. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The server's Prometheus metrics, in their own registry. Channels get this object on ChannelContext and
 * call `storeErrors.inc()` when the store fails them and `dedupeHits.inc()` when a retried event is dropped.
 */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'route' | 'channel' | 'status'>;
  httpDuration: Histogram<'route' | 'channel'>;
  answerLatency: Histogram<'channel'>;
  replies: Counter<'kind' | 'channel'>;
  rateLimited: Counter<'channel'>;
  storeErrors: Counter;
  dedupeHits: Counter;
}

/** Creates (or finds, when already registered) every metric in `registry`, with Node's process metrics. */
export function createMetrics(registry: Registry = new Registry()): Metrics {
  if (!registry.getSingleMetric('process_cpu_user_seconds_total'))
    collectDefaultMetrics({ register: registry });
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> =>
    (registry.getSingleMetric(name) as Counter<L> | undefined) ??
    new Counter({ name, help, labelNames, registers: [registry] });
  const histogram = <L extends string>(name: string, help: string, labelNames: L[]): Histogram<L> =>
    (registry.getSingleMetric(name) as Histogram<L> | undefined) ??
    new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [registry] });
  return {
    registry,
    httpRequests: counter('guidebot_http_requests_total', 'HTTP requests by route, channel and status', [
      'route',
      'channel',
      'status',
    ]),
    httpDuration: histogram('guidebot_http_request_duration_seconds', 'Time to answer an HTTP request', [
      'route',
      'channel',
    ]),
    answerLatency: histogram('guidebot_answer_latency_seconds', 'Time the bot takes to answer one turn', [
      'channel',
    ]),
    replies: counter('guidebot_replies_total', 'Replies by kind (answer, fallback, dialog, smalltalk)', [
      'kind',
      'channel',
    ]),
    rateLimited: counter('guidebot_rate_limited_total', 'Turns refused by the per-user rate limit', [
      'channel',
    ]),
    storeErrors: counter('guidebot_store_errors_total', 'Conversation store calls that failed'),
    dedupeHits: counter('guidebot_dedupe_hits_total', 'Platform events dropped as already handled (retries)'),
  };
}

/** `GET /metrics`: every metric in the Prometheus text format. */
export function createMetricsRoute(metrics: Metrics): Route {
  return {
    method: 'GET',
    path: '/metrics',
    async handle(_req, res) {
      try {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(body);
      } catch {
        sendJson(res, 500, { error: 'metrics unavailable' });
      }
    },
  };
}
