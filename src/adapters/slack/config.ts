import { z } from 'zod';
import { parseEnv, type Env } from '../../config';
import { ConfigError } from '../../core/errors';

/** How the Slack channel connects: signed HTTP requests on the shared port, or an outbound Socket Mode link. */
export type SlackConfig =
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string }
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string };

const schema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-\S+$/, 'must be a bot token starting with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{16,}$/i, 'must be the hexadecimal signing secret')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-\S+$/, 'must be an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).optional(),
});

const FIX = {
  SLACK_BOT_TOKEN:
    'Copy the Bot User OAuth Token (xoxb-...) from your Slack app\'s "OAuth & Permissions" page after installing it.',
  SLACK_SIGNING_SECRET: 'Copy the Signing Secret from your Slack app\'s "Basic Information" page.',
  SLACK_APP_TOKEN:
    'Create an app-level token with the connections:write scope under "Basic Information" > "App-Level Tokens", or unset it to receive events over HTTP.',
  SLACK_API_URL: 'Set it to the Web API base URL such as https://slack.com/api/, or leave it unset.',
};

/**
 * Reads the Slack settings. Undefined when none are set (the channel stays off); a ConfigError when some are
 * set but a piece is missing or malformed, so a half-configured app never starts silently without Slack.
 */
export function readSlackConfig(env: Env): SlackConfig | undefined {
  const vars = parseEnv(schema, env, FIX);
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = vars;
  if (!botToken && !signingSecret && !appToken) return undefined;
  const apiUrl = vars.SLACK_API_URL && withSlash(vars.SLACK_API_URL);
  if (!botToken) throw missing('SLACK_BOT_TOKEN', appToken ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET');
  // Socket Mode needs no signing secret: Slack authenticates the WebSocket with the app token instead.
  if (appToken) return { mode: 'socket', botToken, appToken, ...(apiUrl && { apiUrl }) };
  if (!signingSecret) throw missing('SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN');
  return { mode: 'http', botToken, signingSecret, ...(apiUrl && { apiUrl }) };
}

function missing(variable: keyof typeof FIX, because: string): ConfigError {
  return new ConfigError(variable, `is not set, but ${because} is`, FIX[variable]);
}

// The Web API client joins method names onto the base URL, so it must end with a slash.
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
