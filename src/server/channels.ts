import type { Env } from '../config';
import { slackSetup } from '../adapters/slack';
import { teamsSetup } from '../adapters/teams';
import { webSetup } from '../adapters/web';
import type { NamedSetup } from '../ops/startup-check';
import type { ChannelSetup } from './channel';

/** How people call each channel, in messages (`slack` is the channel's name in logs and metrics). */
export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  slack: 'Slack',
  teams: 'Teams',
  web: 'web chat',
};

const named = (channel: string, setup: (env: Env) => ChannelSetup): NamedSetup =>
  Object.assign(setup, { channel: CHANNEL_LABELS[channel] ?? channel });

/** Every channel the server knows. Each decides from the environment whether it runs. */
export const CHANNEL_SETUPS: NamedSetup[] = [
  named('slack', (env) => slackSetup(env)),
  named('teams', (env) => teamsSetup(env)),
  named('web', (env) => webSetup(env)),
];
