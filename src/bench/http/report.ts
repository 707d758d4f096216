import type { RunResult } from './measure';
import type { SteadyResult } from './steady-rate';

/** One server and channel: its maximum-throughput run and its fixed-rate run, or why it was skipped. */
export type Row =
  | { server: string; channel: string; max: RunResult; fixed: SteadyResult }
  | { server: string; channel: string; skipped: string };

/** How the runs were made, printed above the table. */
interface Settings {
  seconds: number;
  rounds: number;
  steadyRounds: number;
  connections: number;
  rate: number;
  redis: boolean;
}

const P99_TARGET_MS = 50;
const RATIO_TARGET = 0.8;

/** The table `npm run bench:http` prints, with ours/bare ratios and the targets met or missed. */
export function renderBenchReport(rows: Row[], machine: string, settings: Settings): string {
  const lines = [
    `bench:http — ${machine}`,
    `${settings.rounds} alternating rounds of ${settings.seconds} s at full load per server, ${settings.connections} connections, then ` +
      `${settings.steadyRounds} alternating rounds of ${settings.seconds} s at a steady ${settings.rate} req/s (evenly spaced; the median round by p99 is shown); ` +
      `guidebot store: ${settings.redis ? 'Redis' : 'memory'}`,
    '',
    pad([
      'server',
      'channel',
      'req/s',
      'rounds',
      'p50 ms',
      'p99 ms',
      'replies/s',
      'failed',
      'CPU ms/req',
      `p50/p99 @${settings.rate}/s`,
      'p99 rounds',
      'gen. stall',
      'failed',
    ]),
  ];
  for (const row of rows) {
    if ('skipped' in row) {
      lines.push(pad([row.server, row.channel, `skipped: ${row.skipped}`]));
      continue;
    }
    const { max, fixed } = row;
    lines.push(
      pad([
        row.server,
        row.channel,
        max.rps.toFixed(0),
        (max.perRound ?? []).join('/'),
        String(max.p50),
        String(max.p99),
        max.deliveredPerSecond.toFixed(0),
        String(max.failed),
        max.cpuPerRequest === undefined ? '-' : max.cpuPerRequest.toFixed(3),
        `${fixed.p50}/${fixed.p99}`,
        (fixed.p99s ?? [fixed.p99]).join('/'),
        `${fixed.generatorStallMs} ms`,
        String(fixed.failed),
      ]),
    );
  }
  lines.push('');
  for (const channel of ['slack', 'teams']) {
    const ours = measured(rows, 'guidebot', channel);
    const bare = measured(rows, channel === 'slack' ? 'bare Bolt' : 'bare botbuilder', channel);
    if (!ours || !bare) continue;
    const ratio = ours.max.rps / bare.max.rps;
    const echo = measured(rows, 'guidebot (echo)', channel);
    const adapters = echo
      ? `; adapters alone (echo core) ${((echo.max.rps / bare.max.rps) * 100).toFixed(0)}%`
      : '';
    const delivered = ours.max.deliveredPerSecond / Math.max(bare.max.deliveredPerSecond, 1e-9);
    const cpu =
      ours.max.cpuPerRequest && bare.max.cpuPerRequest
        ? `; CPU per request bare/ours ${((bare.max.cpuPerRequest / ours.max.cpuPerRequest) * 100).toFixed(0)}%`
        : '';
    lines.push(
      `${channel}: throughput ours/bare ${(ratio * 100).toFixed(0)}% (target ≥ ${RATIO_TARGET * 100}%: ` +
        `${ratio >= RATIO_TARGET ? 'met' : 'MISSED'})${adapters}${cpu}; replies delivered ours/bare ${(delivered * 100).toFixed(0)}%; ` +
        `p99 at ${settings.rate} req/s (median round) ${ours.fixed.p99} ms, bare ${bare.fixed.p99} ms (target < ${P99_TARGET_MS} ms: ` +
        `${ours.fixed.p99 < P99_TARGET_MS && ours.fixed.failed === 0 ? 'met' : 'MISSED'})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function measured(rows: Row[], server: string, channel: string) {
  const row = rows.find((r) => r.server === server && r.channel === channel);
  return row && !('skipped' in row) ? row : undefined;
}

const WIDTHS = [17, 8, 8, 10, 7, 7, 10, 7, 11, 15, 12, 11, 7];
function pad(cells: string[]): string {
  return cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(WIDTHS[i] ?? 10))).join(' ');
}
