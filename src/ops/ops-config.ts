import { z } from 'zod';
import { parseEnv, type Env } from '../config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const opsSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
  // 0 turns the limit off (a trusted single-user install, or a limit enforced in front of the bot).
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(20),
  // With Redis: how long a replica may miss its heartbeat before the others finish its unanswered turns.
  REPLICA_TIMEOUT_SECONDS: z.coerce.number().min(0.3).max(600).default(15),
  // Turns acknowledged and still being answered, past which new Slack and Teams requests get 503.
  MAX_TURNS_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(1000),
  // A client that trickles its request must not hold a connection (or a shutdown) for minutes.
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(30),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(1000),
});

const fixes: Record<string, string> = {
  LOG_LEVEL: `Set it to one of ${LOG_LEVELS.join(', ')}, or leave it unset for info.`,
  SHUTDOWN_TIMEOUT_SECONDS:
    'Set it to the seconds in-flight requests may take to finish on shutdown (at most 600), or leave it unset for 10.',
  RATE_LIMIT_PER_MINUTE:
    'Set it to a whole number of messages a person may send a minute (0 for no limit), or leave it unset for 20.',
  REPLICA_TIMEOUT_SECONDS:
    'Set it to the seconds a stopped replica may go unnoticed before another answers its unfinished turns (0.3 to 600), or leave it unset for 15.',
  MAX_TURNS_IN_FLIGHT:
    'Set it to a whole number of turns a replica may be answering at once before it refuses new ones with 503 (1 to 100000), or leave it unset for 1000.',
  REQUEST_TIMEOUT_SECONDS:
    'Set it to the seconds a request (headers and body) may take to arrive (1 to 300), or leave it unset for 30.',
  MAX_CONNECTIONS:
    'Set it to the most connections a replica keeps open at once (1 to 100000), or leave it unset for 1000.',
};

/** Operational settings: log level, shutdown bound, the per-user rate limit, the replica timeout, the turn bound. */
export type OpsConfig = z.infer<typeof opsSchema>;

/** Reads the operational settings; a bad value is a ConfigError naming the variable and the fix. */
export function loadOpsConfig(env: Env): OpsConfig {
  return parseEnv(opsSchema, env, fixes);
}

/** Reads LOG_LEVEL alone, for loggers made before (or apart from) the rest of the settings. */
export function loadLogLevel(env: Env): OpsConfig['LOG_LEVEL'] {
  return parseEnv(opsSchema.pick({ LOG_LEVEL: true }), env, fixes).LOG_LEVEL;
}
