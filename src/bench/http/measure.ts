import autocannon, { type Request } from 'autocannon';
import type { FakePlatforms } from './fake-platforms';

/** One load run against one server and channel. */
export interface RunResult {
  /** Requests answered per second (HTTP responses, any status). */
  rps: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx, plus socket errors and timeouts. */
  failed: number;
  /** Bot replies the fake platforms received per second during the run (Slack acks before it answers). */
  deliveredPerSecond: number;
  /** Throughput of each round, when several were combined. */
  perRound?: number[];
  /**
   * Server CPU time per request in ms, replies included (measured until they drained): steadier than
   * throughput on a shared machine, since another process's load slows the server without costing it CPU.
   */
  cpuPerRequest?: number;
}

/** Where one autocannon run goes, with what, for how long. */
interface RunOptions {
  url: string;
  request: () => Request;
  seconds: number;
  connections: number;
  /** Requests per second in total; unset for as many as the server takes. */
  rate?: number;
  /** The server's CPU time so far, in ms (see Target.cpuMs). */
  cpuMs?: () => number | undefined;
}

/** Runs autocannon on loopback for a fixed time, then waits for replies still on their way to drain. */
export async function measure(platforms: FakePlatforms, options: RunOptions): Promise<RunResult> {
  const before = platforms.delivered();
  const cpuBefore = options.cpuMs?.();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    ...(options.rate && { overallRate: options.rate }),
    requests: [{ setupRequest: () => options.request() }],
  });
  const delivered = platforms.delivered() - before;
  await drain(platforms);
  const cpuAfter = options.cpuMs?.();
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    deliveredPerSecond: delivered / result.duration,
    ...(cpuBefore !== undefined &&
      cpuAfter !== undefined &&
      result.requests.total > 0 && { cpuPerRequest: (cpuAfter - cpuBefore) / result.requests.total }),
  };
}

/** Waits until no reply has arrived for half a second (at most 30 s), so one run's backlog never slows the next. */
export async function drain(platforms: FakePlatforms): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = -1;
  while (platforms.delivered() !== last && Date.now() < deadline) {
    last = platforms.delivered();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Several rounds of one server as one result: mean throughput, median p50, worst p99, all failures. */
export function combine(runs: RunResult[]): RunResult {
  const mean = (pick: (run: RunResult) => number): number =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  const p50s = runs.map((run) => run.p50).sort((a, b) => a - b);
  return {
    rps: mean((run) => run.rps),
    p50: p50s[Math.floor(p50s.length / 2)] ?? 0,
    p99: Math.max(...runs.map((run) => run.p99)),
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
    deliveredPerSecond: mean((run) => run.deliveredPerSecond),
    perRound: runs.map((run) => Math.round(run.rps)),
    ...(runs.every((run) => run.cpuPerRequest !== undefined) && {
      cpuPerRequest: mean((run) => run.cpuPerRequest!),
    }),
  };
}
