import type { Env } from '../config';
import { slackSetup } from '../adapters/slack';
import { teamsSetup } from '../adapters/teams';
import { webSetup } from '../adapters/web';
import type { NamedSetup } from '../ops/startup-check';
import type { ChannelSetup } from './channel';

const named = (channel: string, setup: (env: Env) => ChannelSetup): NamedSetup =>
  Object.assign(setup, { channel });

/** Every channel the server knows. Each decides from the environment whether it runs. */
export const CHANNEL_SETUPS: NamedSetup[] = [
  named('Slack', (env) => slackSetup(env)),
  named('Teams', (env) => teamsSetup(env)),
  named('web chat', (env) => webSetup(env)),
];
