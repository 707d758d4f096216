import type { AuthorizeResult, webApi } from '@slack/bolt';
import { ConfigError } from '../../core/errors';

// auth.test answers these when the token itself is wrong: start-up stops and says which variable to fix.
const BAD_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
]);

const AUTHORIZE_WAIT_MS = 1500;

/**
 * Who the bot is (its user and bot ids, to ignore its own messages), asked once of auth.test at SLACK_API_URL
 * and kept; a failed ask is forgotten so the next event asks again.
 */
export function createIdentity(client: webApi.WebClient, botToken: string) {
  let known: Promise<{ botUserId?: string; botId?: string }> | undefined;
  const ask = () => {
    known ??= client.auth.test().then(
      (r) => ({ ...(r.user_id && { botUserId: r.user_id }), ...(r.bot_id && { botId: r.bot_id }) }),
      (error: unknown) => {
        known = undefined;
        throw error;
      },
    );
    return known;
  };
  return {
    /**
     * Bolt authorizes before it acks, so a slow auth.test must not cost Slack's 3 seconds: after a short wait
     * the event goes on without the ids (bot messages are still recognised by their bot_id).
     */
    async authorize(): Promise<AuthorizeResult> {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<object>((resolve) => {
        timer = setTimeout(() => resolve({}), AUTHORIZE_WAIT_MS);
      });
      const ids = await Promise.race([ask().catch(() => ({})), late]);
      clearTimeout(timer);
      return { botToken, ...ids };
    },
    /** At start-up: a rejected token stops the server; Slack being unreachable only delays the first answer. */
    async check(): Promise<void> {
      try {
        await ask();
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code && BAD_TOKEN.has(code))
          throw new ConfigError(
            'SLACK_BOT_TOKEN',
            `was rejected by Slack (${code})`,
            'Copy the current Bot User OAuth Token (xoxb-...) from your app\'s "OAuth & Permissions" page.',
          );
      }
    },
  };
}
