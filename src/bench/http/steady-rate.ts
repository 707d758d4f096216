import { Agent, request as httpRequest } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Request } from 'autocannon';

/** Latency of requests sent at evenly spaced times. */
export interface SteadyResult {
  sent: number;
  p50: number;
  p99: number;
  failed: number;
  /**
   * The load generator's own longest event-loop stall in the run, in ms. Latency counts from when a request
   * was due, so a stall of the machine shows in the server's p99 even when the server was not the cause.
   */
  generatorStallMs: number;
  /** The p99 of each round, when several were combined. */
  p99s?: number[];
}

/**
 * Sends `rate` requests a second, evenly spaced, for `seconds`, without waiting for answers (an open model,
 * as real traffic arrives). autocannon's overallRate instead sends each second's quota in a burst at the
 * start of the second, which measures how long a burst takes to drain rather than latency at that rate.
 * Latency counts from when a request was due, so a late load generator cannot hide a slow server.
 */
export async function steadyRate(
  url: string,
  make: () => Request,
  rate: number,
  seconds: number,
): Promise<SteadyResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      send(agent, url, make()).then(
        (status) => {
          latencies.push(performance.now() - due);
          if (status < 200 || status >= 300) failed++;
        },
        () => void failed++,
      ),
    );
  }
  await Promise.all(pending);
  stalls.disable();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { sent: total, p50: at(0.5), p99: at(0.99), failed, generatorStallMs: Math.round(stalls.max / 1e6) };
}

/**
 * Several steady rounds of one server as one result: the round with the median p99 (a stall of the shared
 * machine lands in one round, not in all), with every round's p99, all failures and the longest stall.
 */
export function combineSteady(rounds: SteadyResult[]): SteadyResult {
  const byP99 = [...rounds].sort((a, b) => a.p99 - b.p99);
  // With an even number of rounds, the worse of the middle two.
  const median = byP99[Math.floor(byP99.length / 2)]!;
  return {
    sent: rounds.reduce((sum, round) => sum + round.sent, 0),
    p50: median.p50,
    p99: median.p99,
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    generatorStallMs: Math.max(...rounds.map((round) => round.generatorStallMs)),
    p99s: rounds.map((round) => round.p99),
  };
}

function send(agent: Agent, url: string, req: Request): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${url}${req.path ?? '/'}`,
      { method: req.method ?? 'POST', headers: req.headers, agent, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
