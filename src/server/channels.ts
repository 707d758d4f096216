import type { Env } from '../config';
import { slackSetup } from '../adapters/slack';
import { teamsSetup } from '../adapters/teams';
import { webSetup } from '../adapters/web';
import type { ChannelSetup } from './channel';

/** Every channel the server knows. Each decides from the environment whether it runs. */
export const CHANNEL_SETUPS: Array<(env: Env) => ChannelSetup> = [
  (env) => slackSetup(env),
  teamsSetup,
  webSetup,
];
