import type { Env } from '../config';
import { webSetup } from '../adapters/web';
import type { ChannelSetup } from './channel';

/** Every channel the server knows. Each decides from the environment whether it runs. */
export const CHANNEL_SETUPS: Array<(env: Env) => ChannelSetup> = [webSetup];
