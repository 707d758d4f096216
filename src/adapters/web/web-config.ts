import { isIP } from 'node:net';
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

/** True for names and addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/** The host name of a request's Host header ("localhost:3978" -> "localhost", "[::1]:80" -> "::1"). */
export function hostName(header: string | undefined): string {
  if (!header) return '';
  const bracketed = /^\[([^\]]*)\]/.exec(header);
  if (bracketed) return bracketed[1] ?? '';
  return header.split(':')[0] ?? '';
}
