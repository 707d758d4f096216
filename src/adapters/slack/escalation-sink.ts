import { webApi } from '@slack/bolt';
import { z } from 'zod';
import { parseEnv, type Env } from '../../config';
import type { EscalationSink } from '../../core/escalation-sink';
import { ConfigError } from '../../core/errors';
import { readSlackConfig } from './config';
import { escapeMrkdwn } from './mrkdwn';

const schema = z.object({
  // Public (C…) or private (G…) channel ids; a channel name would fail only at the first escalation.
  ESCALATION_SLACK_CHANNEL: z
    .string()
    .trim()
    .regex(/^[CG][A-Z0-9]{8,}$/, 'must be a Slack channel id such as C0123ABCD')
    .optional(),
});

const FIX = {
  ESCALATION_SLACK_CHANNEL:
    'Open the channel in Slack, "View channel details", copy the Channel ID at the bottom (C…), and invite the bot to it.',
};

/**
 * The Slack sink for escalations when ESCALATION_SLACK_CHANNEL is set: posts the summary there with the bot
 * token (through SLACK_API_URL when set). Built before the bot, so it has its own Web API client.
 */
export function createSlackEscalationSink(env: Env): EscalationSink | undefined {
  const channel = parseEnv(schema, env, FIX).ESCALATION_SLACK_CHANNEL;
  if (!channel) return undefined;
  const config = readSlackConfig(env);
  if (!config)
    throw new ConfigError(
      'ESCALATION_SLACK_CHANNEL',
      'is set, but Slack is not (SLACK_BOT_TOKEN)',
      'Set the Slack variables (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN), or unset it.',
    );
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  });
  return {
    name: 'slack',
    async forward(summary) {
      // Throws on ok: false (not_in_channel, channel_not_found): the person then gets the email path.
      // mrkdwn off: the person's words are posted as typed, never as *bold* or links under the bot's name.
      await client.chat.postMessage({
        channel,
        text: escapeMrkdwn(summary),
        mrkdwn: false,
        unfurl_links: false,
        unfurl_media: false,
      });
      return { where: 'Slack' };
    },
  };
}
