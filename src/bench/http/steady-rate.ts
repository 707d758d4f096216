import { Agent, request as httpRequest } from 'node:http';
import type { Request } from 'autocannon';

/** Latency of requests sent at evenly spaced times. */
export interface SteadyResult {
  sent: number;
  p50: number;
  p99: number;
  failed: number;
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
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { sent: total, p50: at(0.5), p99: at(0.99), failed };
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
