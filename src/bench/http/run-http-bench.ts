import { cpus, loadavg } from 'node:os';
import { startFakePlatforms, type FakePlatforms } from './fake-platforms';
import { BENCH_SIGNING_SECRET, BENCH_SLACK_TOKEN, slackRequest, teamsRequest } from './load';
import { measure, type RunResult } from './measure';
import { renderBenchReport, type Row } from './report';
import { startTarget, type Target } from './targets';

// `npm run bench:http`: the running server (guidebot serve) and bare echo bots on the same frameworks, under
// the same load on loopback. BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_RATE (200), BENCH_REDIS_URL.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);

type Channel = 'slack' | 'teams';

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
  const rows: Row[] = [];
  const started = { load: loadavg()[0] ?? 0 };
  try {
    rows.push(
      ...(await runTarget(platforms, 'guidebot', await startTarget('guidebot', ours), ['slack', 'teams'])),
    );
    rows.push(
      ...(await runTarget(platforms, 'bare Bolt', await startTarget('bare-bolt', slackEnv), ['slack'])),
    );
    rows.push(
      ...(await runTarget(platforms, 'bare botbuilder', await startTarget('bare-botbuilder', {}), ['teams'])),
    );
  } finally {
    await platforms.close();
  }
  const machine = `${cpus().length} CPUs, load average ${started.load.toFixed(2)} at start, Node ${process.version}`;
  const settings = { seconds: SECONDS, connections: CONNECTIONS, rate: RATE, redis: Boolean(ours.REDIS_URL) };
  process.stdout.write(renderBenchReport(rows, machine, settings));
}

async function runTarget(
  platforms: FakePlatforms,
  name: string,
  target: Target,
  channels: Channel[],
): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    for (const channel of channels) {
      if (!(await serves(target.url, channel))) {
        rows.push({ server: name, channel, skipped: `${channelPath(channel)} is not served (channel off)` });
        continue;
      }
      const request = channel === 'slack' ? slackRequest : () => teamsRequest(platforms.serviceUrl);
      const run = (seconds: number, rate?: number): Promise<RunResult> =>
        measure(platforms, {
          url: target.url,
          request,
          seconds,
          connections: CONNECTIONS,
          ...(rate && { rate }),
        });
      await run(2); // warm-up: JIT, connection pools, first-contact notices
      const max = await run(SECONDS);
      const fixed = await run(SECONDS, RATE);
      rows.push({ server: name, channel, max, fixed });
    }
  } finally {
    await target.stop();
  }
  return rows;
}

const channelPath = (channel: Channel): string => (channel === 'slack' ? '/slack/events' : '/api/messages');

// An empty POST gets 400 or 401 from a route that exists, 404 when the channel is off.
async function serves(url: string, channel: Channel): Promise<boolean> {
  const res = await fetch(`${url}${channelPath(channel)}`, { method: 'POST', body: '{}' });
  return res.status !== 404;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:http failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
