import path from 'node:path';
import { z } from 'zod';
import { baseFixes, baseSchema, parseEnv, type Env } from '../../config';

// Kept apart from the store (open-analytics.ts loads the Redis client): the terminal reads only the data
// folder and the retention period here, and starts without loading Redis.

const schema = baseSchema.pick({ REDIS_URL: true, REDIS_KEY_PREFIX: true }).extend({
  GUIDEBOT_DATA_DIR: z.string().min(1).default('.guidebot-data'),
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ANALYTICS_SALT: z.string().min(16).optional(),
});

const fixes: Record<string, string> = {
  ...baseFixes,
  GUIDEBOT_DATA_DIR: 'Set it to a folder the bot may write, or leave it unset for ./.guidebot-data.',
  ANALYTICS_RETENTION_DAYS: 'Set it to a whole number of days from 1 to 3650, or leave it unset for 90.',
  ANALYTICS_SALT:
    'Set it to a random secret of at least 16 characters (openssl rand -hex 32), or leave it unset.',
};

/** The analytics settings from the environment. */
export type AnalyticsConfig = z.infer<typeof schema> & { dataDir: string };

export function loadAnalyticsConfig(env: Env): AnalyticsConfig {
  const config = parseEnv(schema, env, fixes);
  return { ...config, dataDir: path.resolve(config.GUIDEBOT_DATA_DIR) };
}
