import type Redis from 'ioredis';
import { GuidebotError } from '../errors';
import type { ConversationStore } from './conversation-store';
import { createKeyQueue } from './key-queue';
import { connectRedis, type RedisConnection, type RedisConnectionOptions } from './redis-connection';
import { acquireLock, releaseLock, type LockTimes } from './redis-lock';
import { COMMIT_UPDATE, INCREMENT_WINDOW } from './redis-scripts';
import { checkTtl, ttlMilliseconds } from './ttl';
import { createRedisTurnJournal, type TurnJournal } from './turn-journal';

/** Where the Redis store connects, which keys it uses and how long an update may hold a key. */
export interface RedisStoreOptions extends RedisConnectionOptions, Partial<LockTimes> {
  /** Put before every key, so several bots (or test runs) can share one Redis. Default 'guidebot:'. */
  prefix?: string;
  /** How long a replica may miss its heartbeat before others adopt its unfinished turns. Default 15 s. */
  replicaTimeoutMs?: number;
}

/**
 * Connects to Redis (rejecting with STORE_UNAVAILABLE if it cannot) and returns a store shared by every
 * process using the same Redis and prefix. Keys: <prefix>conv:<key> (JSON, with a TTL), <prefix>lock:<key>,
 * <prefix>claim:<key>, <prefix>count:<key>. Redis down: each call rejects with STORE_UNAVAILABLE at once
 * (no reply within commandTimeoutMs at worst) and the client reconnects by itself.
 */
export async function connectRedisStore<T>(options: RedisStoreOptions): Promise<ConversationStore<T>> {
  return createRedisStore<T>(await connectRedis(options), options);
}

function createRedisStore<T>(connection: RedisConnection, options: RedisStoreOptions): ConversationStore<T> {
  const { client } = connection;
  const prefix = options.prefix ?? 'guidebot:';
  // A turn's change takes milliseconds; 3 s is ample, and waiting 4 s outlasts a lock left by a replica that
  // died mid-turn, so the next turn waits it out instead of failing.
  const times: LockTimes = { holdMs: options.holdMs ?? 3000, waitMs: options.waitMs ?? 4000 };
  const queue = createKeyQueue();
  let closed = false;
  const silence = createSilenceGate(client);

  // Every Redis call goes through here: a closed store or a Redis failure becomes STORE_UNAVAILABLE, while
  // errors from the caller's own `change` function pass through untouched (they are not wrapped here).
  const redis = async <V>(action: string, work: (client: Redis) => Promise<V>): Promise<V> => {
    if (closed) throw new GuidebotError('STORE_UNAVAILABLE', `The Redis store is closed (${action}).`);
    if (silence.silent()) throw unavailable(connection, action, new Error('timed out a moment ago'));
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof GuidebotError) throw error;
      if (/timed out/i.test(String((error as Error)?.message))) silence.noticed();
      throw unavailable(connection, action, error);
    }
  };
  const journal = gatedJournal(
    createRedisTurnJournal(client, prefix, options.replicaTimeoutMs ?? 15_000),
    redis,
  );

  const conv = (key: string): string => `${prefix}conv:${key}`;
  return {
    journal,
    async get(key) {
      return parse<T>(await redis('get', (c) => c.get(conv(key))));
    },
    async set(key, value, ttlSeconds) {
      checkTtl(ttlSeconds);
      // PX rather than EX: TTLs may be fractions of a second (the tests use short ones).
      await redis('set', (c) => c.set(conv(key), JSON.stringify(value), 'PX', ttlMilliseconds(ttlSeconds)));
    },
    async delete(key) {
      await redis('delete', (c) => c.del(conv(key)));
    },
    async update(key, ttlSeconds, change) {
      checkTtl(ttlSeconds);
      // Why a lock and not WATCH/MULTI or a Lua script: `change` is arbitrary (async) JavaScript, so Lua
      // cannot run it, and WATCH belongs to a connection, which all updates of this process share (one
      // caller's EXEC would clear another's WATCH). Optimistic retries would also run `change` more than
      // once. A short lock per key runs `change` exactly once, like the memory store. The commit is fenced:
      // it writes only if the lock is still ours, so an update that outlived its lock is refused, never
      // saved over a newer one. The in-process queue keeps this process's own turns from polling the lock.
      const lockKey = `${prefix}lock:${key}`;
      return queue.run(key, async () => {
        const token = await redis('update', (c) => acquireLock(c, lockKey, times));
        let outcome;
        try {
          const current = parse<T>(await redis('update', (c) => c.get(conv(key))));
          outcome = await change(current);
        } catch (error) {
          await releaseLock(client, lockKey, token);
          throw error;
        }
        const { value, result } = outcome;
        const write =
          value === undefined
            ? ['delete', '', '0']
            : ['set', JSON.stringify(value), String(ttlMilliseconds(ttlSeconds))];
        const saved = await redis('update', (c) =>
          c.eval(COMMIT_UPDATE, 2, lockKey, conv(key), token, ...write),
        ).catch(async (error: unknown) => {
          // Best effort: if Redis answers again, the next turn need not wait for the lock to expire.
          await releaseLock(client, lockKey, token);
          throw error;
        });
        if (saved !== 1) {
          throw new GuidebotError(
            'STORE_UNAVAILABLE',
            `An update took longer than ${times.holdMs} ms, so its lock expired and its change was not saved.`,
          );
        }
        return result;
      });
    },
    async claim(key, ttlSeconds) {
      checkTtl(ttlSeconds);
      const ms = ttlMilliseconds(ttlSeconds);
      return (await redis('claim', (c) => c.set(`${prefix}claim:${key}`, '1', 'PX', ms, 'NX'))) === 'OK';
    },
    async increment(key, windowSeconds) {
      checkTtl(windowSeconds);
      const ms = ttlMilliseconds(windowSeconds);
      return Number(
        await redis('increment', (c) => c.eval(INCREMENT_WINDOW, 1, `${prefix}count:${key}`, ms)),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      journal.stop();
      silence.stop();
      // QUIT waits for replies still on their way; if Redis is gone, drop the socket instead.
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/**
 * A Redis that stopped answering (frozen, overloaded, a network that drops packets) costs each command its
 * full timeout, and a turn makes several. Once one times out, every call fails at once until Redis answers
 * a PING again (checked every PROBE_MS), so a turn pays the timeout once and the bot answers without memory.
 */
const PROBE_MS = 500;

function createSilenceGate(client: Redis): { silent(): boolean; noticed(): void; stop(): void } {
  let probe: NodeJS.Timeout | undefined;
  const stop = (): void => {
    clearInterval(probe);
    probe = undefined;
  };
  return {
    silent: () => probe !== undefined,
    noticed() {
      if (probe) return;
      probe = setInterval(() => {
        client.ping().then(stop, () => undefined);
      }, PROBE_MS);
      probe.unref();
    },
    stop,
  };
}

/** The journal's calls through the store's gate: a silent Redis fails them at once too. */
function gatedJournal(
  journal: TurnJournal,
  redis: <V>(action: string, work: () => Promise<V>) => Promise<V>,
): TurnJournal {
  return {
    checkEveryMs: journal.checkEveryMs,
    begin: (id, payload) => redis('journal', () => journal.begin(id, payload)),
    end: (id) => redis('journal', () => journal.end(id)),
    adoptOrphans: (prefix) => redis('journal', () => journal.adoptOrphans(prefix)),
    stop: () => journal.stop(),
  };
}

/** JSON from Redis; a value that is not JSON (written by something else) counts as absent, not as a crash. */
function parse<T>(raw: string | null): T | undefined {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

function unavailable(connection: RedisConnection, action: string, error: unknown): GuidebotError {
  const message = error instanceof Error ? error.message : String(error);
  const reason = /isn't writeable|Connection is closed/i.test(message)
    ? `not connected${connection.lastError() ? ` (${connection.lastError()})` : ''}`
    : /timed out/i.test(message)
      ? 'no reply in time'
      : message;
  return new GuidebotError(
    'STORE_UNAVAILABLE',
    `Redis at ${connection.where} is unavailable (${action}: ${reason}). Check that Redis is running there; ` +
      'the store reconnects by itself and works again as soon as Redis answers.',
    { cause: error },
  );
}
