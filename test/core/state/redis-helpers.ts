import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import Redis from 'ioredis';

/** The shared Redis that .ci/run keeps running. */
export const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * A key prefix no other run or test file uses, under this run's REDIS_KEY_PREFIX (test/setup/global-setup.ts),
 * so that the run's teardown removes whatever a failed test left.
 */
export const uniquePrefix = (name: string): string =>
  `${process.env.REDIS_KEY_PREFIX ?? 'guidebot-test:'}${name}:${randomBytes(6).toString('hex')}:`;

/** The keys under `prefix` in the shared Redis. */
export async function keysUnder(prefix: string, url = REDIS_URL): Promise<string[]> {
  const client = new Redis(url);
  try {
    return await client.keys(`${prefix}*`);
  } finally {
    client.disconnect();
  }
}

/** Deletes every key under `prefix` from the shared Redis. */
export async function deleteKeys(prefix: string, url = REDIS_URL): Promise<void> {
  const client = new Redis(url);
  try {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A private redis-server on `port` (no persistence), started and answering PING. */
export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(port: number): Promise<PrivateRedis> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilAnswering(url, child);
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL'); // as a crash would: no goodbye to the clients
      await exited;
    },
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      probe.disconnect();
    }
  }
  throw new Error(`redis-server at ${url} did not answer within 5 s`);
}
