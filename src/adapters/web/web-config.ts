import { z } from 'zod';
import { baseFixes, baseSchema, parseEnv, type Env } from '../../config';

const schema = baseSchema.pick({ HOST: true, PORT: true }).extend({
  WEB_CHAT: z.enum(['on', 'off']).optional(),
});

const fixes: Record<string, string> = {
  ...baseFixes,
  WEB_CHAT:
    'Set it to "on" (serve the chat page even when HOST is not loopback) or "off", or leave it unset.',
};

/** The web chat's settings: where the server listens and whether the page is wanted there. */
type WebConfig = z.infer<typeof schema>;

/** Reads HOST, PORT and WEB_CHAT; a wrong WEB_CHAT throws a ConfigError naming it and the fix. */
export function loadWebConfig(env: Env): WebConfig {
  return parseEnv(schema, env, fixes);
}
