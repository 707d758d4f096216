import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';

/** A server under load, in its own process so the load generator does not share its event loop. */
export interface Target {
  url: string;
  /** CPU time the server process has used so far (user and system, all threads), in ms; Linux only. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

const DIST = path.resolve(__dirname, '../..');

/** `node dist/cli.js serve`, or one of the bare echo bots next to this file, on a free loopback port. */
export async function startTarget(
  script: 'guidebot' | 'guidebot-echo' | 'bare-bolt' | 'bare-botbuilder',
  env: Record<string, string>,
): Promise<Target> {
  const file = script === 'guidebot' ? path.join(DIST, 'cli.js') : path.join(__dirname, `${script}.js`);
  // BENCH_CPU_PROF_DIR: write a V8 CPU profile of each server process there, to see where the time goes.
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  const args = [...profile, ...(script === 'guidebot' ? [file, 'serve'] : [file])];
  const port = await freePort();
  // Logs go to a file, as a log shipper would take them. Not a pipe: Node writes to pipes synchronously, so a
  // busy load generator reading them would stall the server and count as its latency.
  const logDir = mkdtempSync(path.join(tmpdir(), 'bench-http-'));
  const logFile = path.join(logDir, `${script}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  await answering(url, child).catch((error: unknown) => {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
    throw new Error(`${(error as Error).message}\n${tail}`);
  });
  return {
    url,
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(force);
      }
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}

// Any HTTP answer (a 404 from the bare bots) means the server listens; log lines depend on LOG_LEVEL.
async function answering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before listening`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('the server did not start within 30 s');
}

// /proc/<pid>/stat fields 14 and 15 (utime, stime) count clock ticks, 100 a second on Linux.
const TICKS_PER_SECOND = 100;

function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const after = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(after[11]) + Number(after[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
