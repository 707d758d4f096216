import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CLI } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/knowledge-copy';

/** A `guidebot serve` process, as an operator runs it: its URL, its log lines, and how to end it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** stdout and stderr lines so far (pino JSON). */
  logs: string[];
  /** SIGKILL, as a crash or an OOM kill would: no shutdown work at all. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The environment `guidebot serve` runs with in tests: this process's, without settings that would point it
 * at other knowledge, an index or Redis, with PORT 0 and info logs; analytics go to the test run's own folder
 * (test/setup/in-run-dir.ts makes it the working directory). `env` is applied last.
 */
export function serveEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of ['GUIDEBOT_KNOWLEDGE_DIR', 'GUIDEBOT_INDEX_PATH', 'REDIS_URL', 'NODE_OPTIONS'])
    delete base[name];
  return {
    ...base,
    PORT: '0',
    LOG_LEVEL: 'info',
    GUIDEBOT_DATA_DIR: path.join(process.cwd(), '.guidebot-data'),
    ...env,
  };
}

/** Starts `node dist/cli.js serve` with `env` (PORT 0 unless given) and waits for its "listening" line. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 15_000,
): Promise<ServerProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO_ROOT,
    env: serveEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening" within ${timeoutMs} ms:\n${logs.join('\n')}`)),
      timeoutMs,
    );
    const onLine = (line: string): void => {
      logs.push(line);
      const found = /"msg":"listening"/.test(line) && /"url":"([^"]+)"/.exec(line);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        lines.filter(Boolean).forEach(onLine);
      });
    }
    void exited.then(() => {
      clearTimeout(timer);
      reject(
        new Error(
          `serve exited with ${child.exitCode ?? child.signalCode} before listening:\n${logs.join('\n')}`,
        ),
      );
    });
  });
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    child,
    logs,
    async kill() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 5000) {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
