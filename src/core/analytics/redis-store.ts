import type { Redis } from 'ioredis';
import type { AnalyticsStore } from './analytics-store';
import { parseEvent } from './event';
import { createSalt } from './hash-id';

/** Options for the Redis analytics store. */
interface RedisAnalyticsOptions {
  /** A connected client; its owner closes it. */
  redis: Redis;
  /** Prefix of every key, e.g. "guidebot:" (tests use a unique one). */
  prefix?: string;
}

/** Events in one sorted set scored by time: ranges read a period, ZREMRANGEBYSCORE enforces retention. */
export function createRedisAnalyticsStore({
  redis: client,
  prefix = 'guidebot:',
}: RedisAnalyticsOptions): AnalyticsStore {
  const key = `${prefix}analytics:events`;
  return {
    where: `redis ${key}`,
    async append(event) {
      await client.zadd(key, Date.parse(event.at), JSON.stringify(event));
    },
    async list(since, until) {
      const raw = await client.zrangebyscore(key, since.getTime(), `(${until.getTime()}`);
      return raw.flatMap((line) => parseEvent(line) ?? []);
    },
    async prune(before) {
      return client.zremrangebyscore(key, '-inf', `(${before.getTime()}`);
    },
    // The client belongs to whoever connected it (openAnalyticsStore closes it).
    async close() {},
  };
}

/** The salt shared by every replica: the first to start stores one (SET NX), the others read it. */
export async function redisSalt(client: Redis, prefix = 'guidebot:'): Promise<string> {
  const key = `${prefix}analytics:salt`;
  await client.set(key, createSalt(), 'NX');
  const salt = await client.get(key);
  if (!salt) throw new Error(`${key} vanished right after it was set`);
  return salt;
}
