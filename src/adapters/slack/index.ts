import { App, webApi } from '@slack/bolt';
import type { Env } from '../../config';
import type { Channel, ChannelContext, ChannelSetup } from '../../server/channel';
import { createLogger, type Logger } from '../../server/logger';
import { toBoltLogger } from './bolt-logger';
import { readSlackConfig, type SlackConfig } from './config';
import { createEventsRoute, SLACK_EVENTS_PATH } from './events-route';
import { createIdentity } from './identity';
import { listenToActions } from './listen-actions';
import { listenToCommand } from './listen-command';
import { listenToEvents } from './listen-events';
import { slackTurns } from './journal';
import { createOutbox, errorCode } from './outbox';
import { renderReply, type RenderOptions } from './render';
import { RouteReceiver } from './route-receiver';
import { SLACK_WORDING } from './wording';
import type { Reply } from '../../core/types';
import { rememberForFrozen } from '../../core/memo/frozen';
import type { SlackMessage } from './blocks';
import { fallbackContact } from '../../core/knowledge/reply-sources';

/** Options tests and embedders may pass; the environment decides everything else. */
interface SlackOptions {
  logger?: Logger;
  /** Web API retries (p-retry options): a few, with back-off, so a reply is late rather than lost. */
  retryConfig?: webApi.RetryOptions;
}

const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5000,
  randomize: true,
};

/** The Slack channel: on when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) are set. */
export function slackSetup(env: Env, options: SlackOptions = {}): ChannelSetup {
  const config = readSlackConfig(env);
  if (!config)
    return { name: 'slack', enabled: false, reason: 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set' };
  const summary =
    config.mode === 'http'
      ? `Events API, commands and interactivity on POST ${SLACK_EVENTS_PATH}`
      : 'Socket Mode';
  return {
    name: 'slack',
    enabled: true,
    summary,
    create: (context) => createSlackChannel(config, context, options),
    verify: () => createIdentity(slackClient(config, { retries: 0 }), config.botToken).check(),
  };
}

function slackClient(config: SlackConfig, retryConfig: webApi.RetryOptions, logger?: webApi.Logger) {
  return new webApi.WebClient(config.botToken, {
    ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
    ...(logger && { logger }),
    retryConfig,
    timeout: 10_000,
  });
}

export async function createSlackChannel(
  config: SlackConfig,
  context: ChannelContext,
  options: SlackOptions = {},
): Promise<Channel> {
  const logger = (options.logger ?? context.logger ?? createLogger(context.env)).child({ channel: 'slack' });
  const boltLogger = toBoltLogger(logger);
  const clientOptions = { ...(config.apiUrl && { slackApiUrl: config.apiUrl }), logger: boltLogger };
  const client = slackClient(config, options.retryConfig ?? DEFAULT_RETRY, boltLogger);
  client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfter: number, { url }: { url: string }) =>
    logger.warn({ retryAfter, method: url.split('/').pop() }, 'slack rate limited; retrying'),
  );
  const identity = createIdentity(client, config.botToken);
  const common = {
    authorize: identity.authorize,
    logger: boltLogger,
    convoStore: false as const,
    clientOptions,
  };
  const receiver = config.mode === 'http' ? new RouteReceiver(logger, context.overloaded) : undefined;
  const app =
    config.mode === 'http'
      ? new App({ ...common, receiver })
      : new App({ ...common, socketMode: true, appToken: config.appToken });
  app.error(async (error) => logger.error({ slackError: errorCode(error) }, 'slack listener failed'));
  // Listeners answer after the ack: the server's count of turns lets shutdown wait for their replies.
  const { track } = context;
  if (track) app.use(({ next }) => track(() => next()));

  const renderWith = (reply: Reply, options: RenderOptions = {}): SlackMessage[] =>
    renderReply(reply, {
      ...options,
      ...(reply.kind === 'fallback' && { choicesHeading: context.index.kb.messages.didYouMean }),
    });
  // Most replies are remembered answers to common questions: render each of those once.
  const renderRemembered = rememberForFrozen((reply: Reply) => renderWith(reply));
  const deps = {
    bot: context.bot,
    store: context.store,
    logger,
    ...(context.metrics && { metrics: context.metrics }),
    outbox: createOutbox(client, logger, fallbackText(context)),
    fallbackText: fallbackText(context),
    render: (reply: Reply, options?: RenderOptions) =>
      options ? renderWith(reply, options) : renderRemembered(reply),
  };
  const turns = slackTurns(deps);
  listenToEvents(app, deps, turns);
  listenToCommand(app, deps);
  listenToActions(app, deps);
  // Before the server listens: a rejected token stops start-up here, with nothing left open.
  await identity.check();
  let stopAdopting = (): void => undefined;

  return {
    name: 'slack',
    routes:
      receiver && config.mode === 'http' ? [createEventsRoute(receiver, config.signingSecret, logger)] : [],
    async start() {
      if (config.mode === 'socket') await app.start();
      stopAdopting = turns.adoptOrphans();
    },
    async stop() {
      stopAdopting();
      if (config.mode === 'socket') await app.stop();
    },
  };
}

/** The Citizen Engagement contact, for when a reply cannot be made or delivered. */
function fallbackText({ index }: ChannelContext): string {
  const contact = fallbackContact(index.kb.contacts);
  const detail = [contact.email, contact.phone].filter(Boolean).join(', ');
  return SLACK_WORDING.deliveryFailed(contact.name, detail);
}
