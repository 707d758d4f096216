import { cpus, loadavg } from 'node:os';
import { startFakePlatforms, type FakePlatforms } from './fake-platforms';
import { BENCH_SIGNING_SECRET, BENCH_SLACK_TOKEN, slackRequest, teamsRequest } from './load';
import { combine, drain, measure, type RunResult } from './measure';
import { renderBenchReport, type Row } from './report';
import { combineSteady, steadyRate, type SteadyResult } from './steady-rate';
import { startTarget, type Target } from './targets';

// `npm run bench:http`: the running server (guidebot serve) and bare echo bots on the same frameworks, under
// the same load on loopback. BENCH_SECONDS (10), BENCH_ROUNDS (2), BENCH_STEADY_ROUNDS (3), BENCH_CONNECTIONS (10),
// BENCH_RATE (200), BENCH_REDIS_URL (guidebot on Redis instead of memory).
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const STEADY_ROUNDS = Number(process.env.BENCH_STEADY_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);

type Channel = 'slack' | 'teams';
const BARE: Record<Channel, string> = { slack: 'bare Bolt', teams: 'bare botbuilder' };
/** guidebot's server and adapters with an echo in place of the core. */
const ECHO = 'guidebot (echo)';

async function main(): Promise<void> {
  const platforms = await startFakePlatforms();
  const slackEnv = {
    SLACK_BOT_TOKEN: BENCH_SLACK_TOKEN,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: platforms.slackApiUrl,
  };
  const ours = {
    ...slackEnv,
    NODE_ENV: 'development', // Teams local mode: no app id, replies only to the loopback connector
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    // 200 simulated people send far more than 20 messages a minute each; keep the limit's check in the path.
    RATE_LIMIT_PER_MINUTE: '10000',
    REDIS_URL: process.env.BENCH_REDIS_URL ?? '',
  };
  const load = loadavg()[0] ?? 0;
  const targets: Record<string, Target> = {};
  const rows: Row[] = [];
  try {
    targets.guidebot = await startTarget('guidebot', ours);
    targets[ECHO] = await startTarget('guidebot-echo', ours);
    targets[BARE.slack] = await startTarget('bare-bolt', slackEnv);
    targets[BARE.teams] = await startTarget('bare-botbuilder', {});
    for (const channel of ['slack', 'teams'] as const)
      rows.push(...(await compare(platforms, targets, channel)));
  } finally {
    for (const target of Object.values(targets)) await target.stop();
    await platforms.close();
  }
  const machine = `${cpus().length} CPUs, load average ${load.toFixed(2)} at start, Node ${process.version}`;
  const settings = {
    seconds: SECONDS,
    rounds: ROUNDS,
    steadyRounds: STEADY_ROUNDS,
    connections: CONNECTIONS,
    rate: RATE,
    redis: !!ours.REDIS_URL,
  };
  process.stdout.write(renderBenchReport(rows, machine, settings));
}

/**
 * guidebot and the bare bot of one channel, in alternating rounds: the machine is shared, so load that comes
 * and goes hits both alike instead of whichever happened to run then.
 */
async function compare(
  platforms: FakePlatforms,
  targets: Record<string, Target>,
  channel: Channel,
): Promise<Row[]> {
  const names = ['guidebot', ECHO, BARE[channel]];
  const path = channel === 'slack' ? '/slack/events' : '/api/messages';
  if (!(await serves(`${targets.guidebot!.url}${path}`)))
    return [{ server: 'guidebot', channel, skipped: `${path} is not served (channel off)` }];
  const request = channel === 'slack' ? slackRequest : () => teamsRequest(platforms.serviceUrl);
  const run = (name: string, seconds: number): Promise<RunResult> =>
    measure(platforms, {
      url: targets[name]!.url,
      request,
      seconds,
      connections: CONNECTIONS,
      cpuMs: () => targets[name]!.cpuMs(),
    });
  const steady = async (name: string): Promise<SteadyResult> => {
    const result = await steadyRate(targets[name]!.url, request, RATE, SECONDS);
    await drain(platforms);
    return result;
  };
  for (const name of names) await run(name, 2); // warm-up: JIT, connection pools, first-contact notices
  const max: Record<string, RunResult[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const name of names) max[name]!.push(await run(name, SECONDS));
  // The steady rate in alternating rounds too; each server is judged on its median round.
  const fixed: Record<string, SteadyResult[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < STEADY_ROUNDS; round++)
    for (const name of names) fixed[name]!.push(await steady(name));
  return names.map((name) => ({
    server: name,
    channel,
    max: combine(max[name]!),
    fixed: combineSteady(fixed[name]!),
  }));
}

// An empty POST gets 400 or 401 from a route that exists, 404 when the channel is off.
async function serves(url: string): Promise<boolean> {
  return (await fetch(url, { method: 'POST', body: '{}' })).status !== 404;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:http failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
