import type { Env } from '../../config';
import type { Channel, ChannelContext, ChannelSetup } from '../../server/channel';
import { loadAnalyticsConfig } from '../../core/analytics/analytics-config';
import { createGuidelinePage } from './guideline-page';
import { createStaticRoutes } from './static-routes';
import { createTurnRoutes } from './turn-routes';
import { isLoopback } from '../../server/loopback';
import { loadWebConfig } from './web-config';
import { loadWebWording, type WebWording } from './web-wording';
import { buildWelcome } from './welcome';

/**
 * The local web chat: on by default when the server listens on loopback (the embedded default behind
 * `npm start`); off when WEB_CHAT=off, and off on a non-loopback HOST unless WEB_CHAT=on, because the page
 * has no sign-in and anyone who can reach the port could use it.
 */
export function webSetup(env: Env): ChannelSetup {
  const config = loadWebConfig(env);
  // Read here, so that `guidebot doctor` and start-up report a broken file before anything runs.
  const wording = loadWebWording(env.GUIDEBOT_KNOWLEDGE_DIR || undefined);
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
    create: async (context) => createWebChannel(context, loopbackOnly, wording),
  };
}

/** The web chat's routes on the shared server: the page and its files, the guideline, the JSON turns. */
export function createWebChannel(
  context: ChannelContext,
  loopbackOnly: boolean,
  wording: WebWording,
): Channel {
  const { kb } = context.index;
  const retentionDays = loadAnalyticsConfig(context.env).ANALYTICS_RETENTION_DAYS;
  return {
    name: 'web',
    routes: [
      ...createStaticRoutes(loopbackOnly),
      createGuidelinePage(kb, loopbackOnly),
      ...createTurnRoutes({
        bot: context.bot,
        loopbackOnly,
        render: { messages: kb.messages, wording },
        canForward: async () => (await context.escalation?.configured()) ?? false,
        welcome: buildWelcome(context.bot, kb, wording, retentionDays),
      }),
    ],
  };
}
