import { createServer, type Server, type Socket } from 'node:net';
import type { ConversationStore } from '../../../src/core/state/conversation-store';
import { connectRedisStore } from '../../../src/core/state/redis-store';
import Redis from 'ioredis';
import { freePort, startRedis, type PrivateRedis } from './redis-helpers';

// A Redis of our own on a free port, so stopping it disturbs no one else.
jest.setTimeout(20_000);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How a call ended and how long it took. */
async function timed(call: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return { ms: Date.now() - started, error };
}

describe('redis store when Redis goes away and comes back', () => {
  let port: number;
  let redis: PrivateRedis;
  let store: ConversationStore<unknown>;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    store = await connectRedisStore({ url: redis.url, prefix: 'faults:', commandTimeoutMs: 300 });
  });
  afterAll(async () => {
    await store.close();
    await redis.stop();
  });

  it('fails every call fast with STORE_UNAVAILABLE while Redis is down, then works again', async () => {
    await store.set('before', 'saved', 60);
    await redis.stop();

    const calls: Array<[string, () => Promise<unknown>]> = [
      ['get', () => store.get('before')],
      ['set', () => store.set('during', 1, 60)],
      ['delete', () => store.delete('before')],
      ['update', () => store.update('during', 60, () => ({ value: 1, result: 1 }))],
      ['claim', () => store.claim('event', 60)],
      ['increment', () => store.increment('user', 60)],
    ];
    for (const [name, call] of calls) {
      const { ms, error } = await timed(call);
      expect({ name, code: (error as { code?: string })?.code }).toEqual({ name, code: 'STORE_UNAVAILABLE' });
      expect((error as Error).message).toContain(`Redis at redis://127.0.0.1:${port} is unavailable`);
      expect(ms).toBeLessThan(500);
    }

    redis = await startRedis(port);
    const started = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - started < 5000) {
      recovered = await store.set('after', 'saved again', 60).then(
        () => true,
        () => sleep(100).then(() => false),
      );
    }
    expect(recovered).toBe(true);
    expect(await store.get('after')).toBe('saved again');
    await store.update('after', 60, (current) => ({ value: `${String(current)} and updated`, result: null }));
    expect(await store.get('after')).toBe('saved again and updated');
    expect(await store.claim('event', 60)).toBe(true);
  });

  it('a Redis that stops answering fails a call after the command timeout, not never', async () => {
    await store.set('paused', 1, 60);
    const admin = new Redis(redis.url);
    await admin.call('CLIENT', 'PAUSE', '1000', 'ALL');
    const { ms, error } = await timed(() => store.get('paused'));
    expect(error).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(/no reply in time/),
    });
    expect(ms).toBeLessThan(1000);
    // Meanwhile every call fails at once, without waiting out another timeout.
    const next = await timed(() => store.get('paused'));
    expect(next.error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(next.ms).toBeLessThan(50);
    await admin.call('CLIENT', 'UNPAUSE');
    admin.disconnect();
    // Back as soon as Redis answers a PING again (checked every half second).
    const started = Date.now();
    let value: unknown;
    while (value === undefined && Date.now() - started < 3000)
      value = await store.get('paused').catch(() => sleep(100).then(() => undefined));
    expect(value).toBe(1);
  });
});

describe('connecting to a Redis that is not there', () => {
  it('rejects within a moment, naming the address and the reason', async () => {
    const port = await freePort();
    const { ms, error } = await timed(() => connectRedisStore({ url: `redis://127.0.0.1:${port}` }));
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((error as Error).message).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
    expect(ms).toBeLessThan(2000);
  });

  it('gives up on a server that accepts the connection but never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      const { ms, error } = await timed(() =>
        connectRedisStore({ url: `redis://127.0.0.1:${port}`, connectTimeoutMs: 800 }),
      );
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(ms).toBeLessThan(2000);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
