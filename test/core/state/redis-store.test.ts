import Redis from 'ioredis';
import type { ConversationStore } from '../../../src/core/state/conversation-store';
import { connectRedisStore, type RedisStoreOptions } from '../../../src/core/state/redis-store';
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis-helpers';
import { describeStoreContract } from './store-contract';

const prefix = uniquePrefix('redis-store');
const open = <T = unknown>(options: Partial<RedisStoreOptions> = {}): Promise<ConversationStore<T>> =>
  connectRedisStore<T>({ url: REDIS_URL, prefix, ...options });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(() => deleteKeys(prefix));

// Redis really runs on 127.0.0.1:6379 (.ci/run starts it); expiry tests really wait.
describeStoreContract('redis', { open: () => open(), pass: sleep });

describe('redis store: two replicas, restarts and what it leaves in Redis', () => {
  let raw: Redis;
  const opened: Array<ConversationStore<unknown>> = [];
  const replica = async (options: Partial<RedisStoreOptions> = {}): Promise<ConversationStore<unknown>> => {
    const store = await open(options);
    opened.push(store);
    return store;
  };
  beforeAll(() => {
    raw = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    raw.disconnect();
  });

  it('50 concurrent updates spread over two clients (two replicas) lose none', async () => {
    const [a, b] = [await replica(), await replica()];
    const increment = (store: ConversationStore<unknown>) =>
      store.update('shared-counter', 60, async (current) => {
        const count = typeof current === 'number' ? current : 0;
        await sleep(Math.random() * 3);
        return { value: count + 1, result: count };
      });
    const seen = await Promise.all(Array.from({ length: 50 }, (_, i) => increment(i % 2 ? a : b)));
    expect(await a.get('shared-counter')).toBe(50);
    expect(await b.get('shared-counter')).toBe(50);
    expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('claims and counters are shared by both replicas', async () => {
    const [a, b] = [await replica(), await replica()];
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim('event-1', 60)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const counts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).increment('user-1', 60)),
    );
    expect([...counts].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('state written before a restart is read by a fresh instance', async () => {
    const before = await open();
    await before.update('dialog-7', 60, () => ({ value: { dialog: 'approvals', node: 'q2' }, result: null }));
    await before.close();
    const after = await replica();
    expect(await after.get('dialog-7')).toEqual({ dialog: 'approvals', node: 'q2' });
  });

  it('keeps JSON under <prefix>conv:<key> with the TTL in Redis, and no lock left behind', async () => {
    const store = await replica();
    await store.update('ttl-check', 120, () => ({ value: { n: 1 }, result: null }));
    expect(await raw.get(`${prefix}conv:ttl-check`)).toBe('{"n":1}');
    const ttl = await raw.pttl(`${prefix}conv:ttl-check`);
    expect(ttl).toBeGreaterThan(110_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    expect(await raw.exists(`${prefix}lock:ttl-check`)).toBe(0);
  });

  it('a value that is not JSON counts as no state instead of breaking the conversation', async () => {
    const store = await replica();
    await raw.set(`${prefix}conv:garbled`, '{not json', 'EX', 60);
    expect(await store.get('garbled')).toBeUndefined();
    await store.update('garbled', 60, (current) => ({
      value: { fresh: current === undefined },
      result: null,
    }));
    expect(await store.get('garbled')).toEqual({ fresh: true });
  });

  it('a lock left by a crashed replica delays the next update only until it expires', async () => {
    const store = await replica();
    await raw.set(`${prefix}lock:orphan`, 'token-of-a-dead-replica', 'PX', 300);
    const started = Date.now();
    await store.update('orphan', 60, () => ({ value: 'saved', result: null }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await store.get('orphan')).toBe('saved');
  });

  it('an update that outlives its lock is refused, never saved over the newer one', async () => {
    const [slow, fast] = [await replica({ holdMs: 300 }), await replica({ holdMs: 300 })];
    const slowUpdate = slow.update('fenced', 60, async () => {
      await sleep(1000); // longer than holdMs: the lock expires while this change runs
      return { value: 'slow', result: null };
    });
    await sleep(500);
    await fast.update('fenced', 60, () => ({ value: 'fast', result: null }));
    await expect(slowUpdate).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(/lock expired/),
    });
    expect(await fast.get('fenced')).toBe('fast');
  });

  it('waiting too long for a busy key fails with STORE_UNAVAILABLE instead of hanging', async () => {
    const store = await replica({ waitMs: 200 });
    await raw.set(`${prefix}lock:busy`, 'someone-else', 'PX', 5000);
    const started = Date.now();
    await expect(store.update('busy', 60, () => ({ value: 1, result: null }))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    await raw.del(`${prefix}lock:busy`);
  });
});
