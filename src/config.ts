import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './core/dialogs/record-stamp';
import { ConfigError } from './core/errors';
import { plainIssue } from './plain-issue';

/** The environment as the process sees it; passed in so tests never patch `process.env`. */
export type Env = Record<string, string | undefined>;

/** The guideline's time zone, for the dates on decision records (an IANA name). */
const timeZone = z
  .string()
  .default(DEFAULT_TIME_ZONE)
  .refine(isTimeZone, 'is not a time zone name this system knows');

/** Put before every Redis key, so that deployments (or test runs) can share one Redis without meeting. */
export const redisKeyPrefix = {
  schema: z.string().min(1).max(100).default('guidebot:'),
  fix: 'Set it to a short text such as guidebot-staging: (at most 100 characters), or leave it unset.',
};

/** The settings every part reads alike; other settings files pick from it rather than repeat a variable. */
export const baseSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  // Loopback unless the operator says otherwise: the local web chat must not be reachable from the network.
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.string().optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: redisKeyPrefix.schema,
  CONVERSATION_TTL_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  GUIDEBOT_KNOWLEDGE_DIR: z.string().min(1).optional(),
  GUIDEBOT_INDEX_PATH: z.string().min(1).optional(),
  TIME_ZONE: timeZone,
});

/** How to fix each of baseSchema's variables, for ConfigError messages. */
export const baseFixes: Record<string, string> = {
  PORT: 'Set it to a port number from 0 to 65535, or leave it unset for 3978.',
  HOST: 'Set it to an address to listen on, or leave it unset for 127.0.0.1 (this machine only).',
  REDIS_URL: 'Set it to a redis:// or rediss:// URL such as redis://127.0.0.1:6379, or leave it unset.',
  REDIS_KEY_PREFIX: redisKeyPrefix.fix,
  CONVERSATION_TTL_MINUTES: 'Set it to a number of minutes (at most 1440), or leave it unset for 30.',
  TIME_ZONE: `Set it to a time zone name such as America/Vancouver, or leave it unset for ${DEFAULT_TIME_ZONE}.`,
};

/** TIME_ZONE alone, for commands that need no other setting (`guidebot chat`). */
export function loadTimeZone(env: Env): string {
  return parseEnv(z.object({ TIME_ZONE: timeZone }), env, baseFixes).TIME_ZONE;
}

export type BaseConfig = z.infer<typeof baseSchema>;

/** Reads the settings every channel shares. Empty strings count as unset, as in most deploy tools. */
export function loadConfig(env: Env): BaseConfig {
  return parseEnv(baseSchema, env, baseFixes);
}

/**
 * Parses `env` with `schema`. Every wrong variable becomes a ConfigError naming it, what is wrong in plain
 * words and the fix; several are thrown as one (ConfigError.combine), so that each is reported once.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Env,
  fixHints: Record<string, string>,
): z.infer<S> {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const byVariable = new Map<string, ConfigError>();
  for (const issue of parsed.error.issues) {
    const variable = String(issue.path[0] ?? 'environment');
    if (byVariable.has(variable)) continue;
    const reason = plainIssue(issue, present[variable]);
    byVariable.set(variable, new ConfigError(variable, reason, fixHints[variable] ?? 'Check its value.'));
  }
  throw ConfigError.combine([...byVariable.values()]);
}
