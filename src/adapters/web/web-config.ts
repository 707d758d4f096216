import { z } from 'zod';
import { parseEnv, type Env } from '../../config';

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  WEB_CHAT: z.enum(['on', 'off']).optional(),
});

const fixes: Record<string, string> = {
  WEB_CHAT:
    'Set it to "on" (serve the chat page even when HOST is not loopback) or "off", or leave it unset.',
};

/** The web chat's settings: where the server listens and whether the page is wanted there. */
export type WebConfig = z.infer<typeof schema>;

/** Reads HOST, PORT and WEB_CHAT; a wrong WEB_CHAT throws a ConfigError naming it and the fix. */
export function loadWebConfig(env: Env): WebConfig {
  return parseEnv(schema, env, fixes);
}
