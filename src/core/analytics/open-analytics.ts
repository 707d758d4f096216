import path from 'node:path';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { parseEnv, redisKeyPrefix, type Env } from '../../config';
import type { NotPersonal } from '../privacy/detect-identifiers';
import type { TurnObserver } from '../turn-event';
import { retentionCutoff, type AnalyticsStore } from './analytics-store';
import { fileSalt } from './file-salt';
import { createFileAnalyticsStore } from './file-store';
import { createAnalyticsRecorder } from './recorder';
import { createRedisAnalyticsStore, redisSalt } from './redis-store';

const schema = z.object({
  GUIDEBOT_DATA_DIR: z.string().min(1).default('.guidebot-data'),
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ANALYTICS_SALT: z.string().min(16).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: redisKeyPrefix.schema,
});

const fixes: Record<string, string> = {
  GUIDEBOT_DATA_DIR: 'Set it to a folder the bot may write, or leave it unset for ./.guidebot-data.',
  ANALYTICS_RETENTION_DAYS: 'Set it to a whole number of days from 1 to 3650, or leave it unset for 90.',
  ANALYTICS_SALT:
    'Set it to a random secret of at least 16 characters (openssl rand -hex 32), or leave it unset.',
  REDIS_URL: 'Set it to a redis:// or rediss:// URL such as redis://127.0.0.1:6379, or leave it unset.',
  REDIS_KEY_PREFIX: redisKeyPrefix.fix,
};

/** The analytics settings from the environment. */
export type AnalyticsConfig = z.infer<typeof schema> & { dataDir: string };

export function loadAnalyticsConfig(env: Env): AnalyticsConfig {
  const config = parseEnv(schema, env, fixes);
  return { ...config, dataDir: path.resolve(config.GUIDEBOT_DATA_DIR) };
}

/** The store the settings point at: Redis when REDIS_URL is set, else files in the data folder. */
export function openAnalyticsStore(config: AnalyticsConfig): { store: AnalyticsStore; redis?: Redis } {
  if (config.REDIS_URL) {
    // Every turn waits for its analytics record: with Redis gone, a command must fail within half a second
    // rather than wait in the offline queue through reconnect attempts (seconds per turn otherwise).
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, commandTimeout: 500 });
    // Failed commands reject and are reported where they are awaited; the event itself needs no printing.
    redis.on('error', () => undefined);
    return { store: createRedisAnalyticsStore({ redis, prefix: config.REDIS_KEY_PREFIX }), redis };
  }
  return { store: createFileAnalyticsStore(path.join(config.dataDir, 'analytics')) };
}

/** Everything a server needs for analytics: the observer to pass to createBot, and how to stop. */
export interface Analytics {
  observe: TurnObserver;
  store: AnalyticsStore;
  retentionDays: number;
  close(): Promise<void>;
}

/** Opens the store, finds the salt, deletes expired events (start-up) and makes the recorder. */
export async function openAnalytics(
  env: Env,
  options: { clock?: () => Date; notPersonal?: NotPersonal } = {},
): Promise<Analytics> {
  const config = loadAnalyticsConfig(env);
  const { store, redis } = openAnalyticsStore(config);
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
      ...(options.notPersonal && { notPersonal: options.notPersonal }),
    });
    return { observe, store, retentionDays, close: () => closeAll(store, redis) };
  } catch (error) {
    await closeAll(store, redis);
    throw error;
  }
}

async function closeAll(store: AnalyticsStore, redis: Redis | undefined): Promise<void> {
  await store.close();
  if (redis) await redis.quit().catch(() => undefined);
}
