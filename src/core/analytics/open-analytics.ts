import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Env } from '../../config';
import type { NotPersonal } from '../privacy/detect-identifiers';
import type { TurnObserver } from '../turn-event';
import { connectRedis } from '../state/redis-connection';
import { loadAnalyticsConfig, type AnalyticsConfig } from './analytics-config';
import { retentionCutoff, type AnalyticsStore } from './analytics-store';
import { fileSalt } from './file-salt';
import { createFileAnalyticsStore } from './file-store';
import { createAnalyticsRecorder } from './recorder';
import { createRedisAnalyticsStore, redisSalt } from './redis-store';

/**
 * The store the settings point at: Redis when REDIS_URL is set (connected as the conversation store is, so a
 * turn never waits long on a Redis that is gone), else files in the data folder.
 */
export async function openAnalyticsStore(config: AnalyticsConfig): Promise<OpenedStore> {
  if (config.REDIS_URL) {
    const { client } = await connectRedis({ url: config.REDIS_URL });
    const store = createRedisAnalyticsStore({ redis: client, prefix: config.REDIS_KEY_PREFIX });
    return { store, redis: client, close: () => closeAll(store, client) };
  }
  const store = createFileAnalyticsStore(path.join(config.dataDir, 'analytics'));
  return { store, close: () => closeAll(store, undefined) };
}

/** An analytics store, its Redis client when it has one, and how to close both. */
interface OpenedStore {
  store: AnalyticsStore;
  redis?: Redis;
  close(): Promise<void>;
}

/** Everything a server needs for analytics: the observer to pass to createBot, and how to stop. */
export interface Analytics {
  observe: TurnObserver;
  store: AnalyticsStore;
  retentionDays: number;
  close(): Promise<void>;
}

/**
 * Opens the store, finds the salt, deletes expired events (start-up) and makes the recorder. `notPersonal`
 * is the guard's allow-list (loadAllKnowledge's): published numbers are kept as they were asked.
 */
export async function openAnalytics(
  env: Env,
  options: { notPersonal: NotPersonal; clock?: () => Date },
): Promise<Analytics> {
  const config = loadAnalyticsConfig(env);
  const { store, redis, close } = await openAnalyticsStore(config);
  const clock = options.clock ?? (() => new Date());
  try {
    const salt =
      config.ANALYTICS_SALT ??
      (redis ? await redisSalt(redis, config.REDIS_KEY_PREFIX) : fileSalt(config.dataDir));
    const retentionDays = config.ANALYTICS_RETENTION_DAYS;
    await store.prune(retentionCutoff(clock(), retentionDays));
    const observe = createAnalyticsRecorder({
      store,
      salt,
      retentionDays,
      clock,
      notPersonal: options.notPersonal,
    });
    return { observe, store, retentionDays, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function closeAll(store: AnalyticsStore, redis: Redis | undefined): Promise<void> {
  await store.close();
  if (redis) await redis.quit().catch(() => undefined);
}
