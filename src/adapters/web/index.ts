import type { Env } from '../../config';
import type { Channel, ChannelContext, ChannelSetup } from '../../server/channel';
import { createStaticRoutes } from './static-routes';
import { createTurnRoutes } from './turn-routes';
import { isLoopback } from '../../server/loopback';
import { loadWebConfig } from './web-config';

/**
 * The local web chat: on by default when the server listens on loopback (the embedded default behind
 * `npm start`); off when WEB_CHAT=off, and off on a non-loopback HOST unless WEB_CHAT=on, because the page
 * has no sign-in and anyone who can reach the port could use it.
 */
export function webSetup(env: Env): ChannelSetup {
  const config = loadWebConfig(env);
  if (config.WEB_CHAT === 'off') return { name: 'web', enabled: false, reason: 'WEB_CHAT is off' };
  const loopbackOnly = isLoopback(config.HOST);
  if (!loopbackOnly && config.WEB_CHAT !== 'on')
    return {
      name: 'web',
      enabled: false,
      reason:
        `HOST ${config.HOST} is reachable from other machines and the web chat has no sign-in, so it stays ` +
        'off: set WEB_CHAT=on to serve it there anyway, or leave HOST unset (127.0.0.1)',
    };
  const reach = loopbackOnly ? 'this machine only' : 'open to the network (WEB_CHAT=on)';
  return {
    name: 'web',
    enabled: true,
    summary: `chat page at GET / and POST /api/web/turn, ${reach}`,
    ...(!loopbackOnly && {
      warning: `WEB_CHAT=on with HOST ${config.HOST}: the chat page has no sign-in and anyone who can reach this port can use it`,
    }),
    create: (context) => createWebChannel(context, loopbackOnly),
  };
}

/** The web chat's routes on the shared server: the page, its two files, and the JSON turn endpoint. */
export async function createWebChannel(context: ChannelContext, loopbackOnly: boolean): Promise<Channel> {
  const didYouMean = context.index.kb.messages.didYouMean;
  return {
    name: 'web',
    routes: [
      ...createStaticRoutes(loopbackOnly),
      ...createTurnRoutes({ bot: context.bot, didYouMean, loopbackOnly }),
    ],
  };
}
