import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Env } from '../config';
import type { ConversationState } from '../core/bot';
import type { ConversationStore } from '../core/state/conversation-store';
import { openAnalytics } from '../core/analytics/open-analytics';
import { combineObservers } from '../core/combine-observers';
import { loadAllKnowledge, loadBot } from '../core/load-bot';
import { loadEnglishWords } from '../core/search/english-words';
import { loadOperations, renderRateLimitMessage } from '../ops/operations-file';
import { checkStartup, startupError, type NamedSetup } from '../ops/startup-check';
import type { Channel, ChannelSetup } from './channel';
import { CHANNEL_SETUPS } from './channels';
import { createStore } from './create-store';
import { createEscalationSinks } from './escalation-sinks';
import { createSlackEscalationSink } from '../adapters/slack/escalation-sink';
import { trackInFlight } from './graceful-close';
import { listen } from './listen';
import { createHttpServer, healthRoute } from './http-server';
import { createLogger, type Logger } from './logger';
import { createMetrics, createMetricsRoute, type Metrics } from './metrics';
import { createReadyRoute } from './ready-route';
import { createServerBot } from './server-bot';
import { createMetricsObserver } from './turn-metrics';
import { trackTurns } from './track-turns';
import type { Route } from './route';

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  channels: Channel[];
  setups: ChannelSetup[];
  metrics: Metrics;
  /** Resolves when no turn is being answered (replies sent after an acknowledgement included), or after `timeoutMs`. */
  settled(timeoutMs?: number): Promise<number>;
  /**
   * Graceful shutdown: stops accepting, lets requests in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS),
   * then stops the channels and closes the store. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

interface ServeOptions {
  env: Env;
  logger?: Logger;
  /** Channel set-ups to use instead of the registered ones (tests). */
  setups?: NamedSetup[];
  /** A store to use instead of the one REDIS_URL selects (tests). */
  store?: ConversationStore<ConversationState>;
  /** Told where the server listens and which channels run, before the start-up log lines (the CLI's line). */
  announce?: (url: string, channels: Channel[]) => void;
}

/** Loads knowledge, the store and every enabled channel, and listens on HOST:PORT. */
export async function startServer({
  env,
  logger = createLogger(env),
  setups,
  store: givenStore,
  announce,
}: ServeOptions): Promise<RunningServer> {
  // The same checks as `guidebot doctor`: every problem at once, before anything is opened.
  const check = checkStartup(env, setups ?? CHANNEL_SETUPS);
  const { config, ops } = check;
  if (check.problems.length || !config || !ops) throw startupError(check.problems);
  const operations = loadOperations(config.GUIDEBOT_KNOWLEDGE_DIR);
  const store =
    givenStore ?? (await createStore(config, { replicaTimeoutMs: ops.REPLICA_TIMEOUT_SECONDS * 1000 }));
  const metrics = createMetrics();
  const escalation = createEscalationSinks(createSlackEscalationSink(env));
  const knowledge = loadAllKnowledge(config.GUIDEBOT_KNOWLEDGE_DIR, check.kb);
  const analytics = await openAnalytics(env, { notPersonal: knowledge.notPersonal });
  const loaded = loadBot({
    knowledge,
    escalate: escalation,
    store,
    observe: combineObservers(analytics.observe, createMetricsObserver(metrics.registry)),
    retentionDays: analytics.retentionDays,
    conversationTtlSeconds: config.CONVERSATION_TTL_MINUTES * 60,
    timeZone: config.TIME_ZONE,
    ...(config.GUIDEBOT_INDEX_PATH && { indexPath: config.GUIDEBOT_INDEX_PATH }),
  });
  const { index } = loaded;
  // Loaded lazily elsewhere (the CLI, tests); a server loads them before it listens (and so before /readyz
  // says ready): the first question with an unfamiliar word blocked every turn for 1.5-2 s while they loaded.
  loadEnglishWords();
  // A bank group whose passage is gone is left out of the model rather than stopping the service.
  for (const group of index.kb.bank.unresolved)
    logger.warn(
      { where: group.where, section: group.section, anchor: group.anchor, reason: group.reason },
      'question bank: examples ignored (run guidebot knowledge check)',
    );
  const turns = trackTurns(
    createServerBot({
      bot: loaded.bot,
      store,
      perMinute: ops.RATE_LIMIT_PER_MINUTE,
      rateLimitMessage: renderRateLimitMessage(operations, ops.RATE_LIMIT_PER_MINUTE),
      metrics,
      logger,
    }),
  );
  const { bot } = turns;

  const decided = check.channels;
  const channels: Channel[] = [];
  const channelOf = new Map<Route, string>();
  for (const setup of decided) {
    if (!setup.enabled) continue;
    const channel = await setup.create({
      bot,
      index,
      store,
      env,
      metrics,
      logger,
      escalation,
      track: turns.track,
      overloaded: () => turns.tracked() >= ops.MAX_TURNS_IN_FLIGHT,
    });
    for (const route of channel.routes) channelOf.set(route, channel.name);
    channels.push(channel);
  }

  let draining = false;
  const routes = [
    healthRoute,
    createReadyRoute({ index, store, draining: () => draining }),
    createMetricsRoute(metrics),
    ...channels.flatMap((channel) => channel.routes),
  ];
  const server = createHttpServer(routes, {
    logger,
    metrics,
    channelOf: (route) => channelOf.get(route),
    requestTimeoutMs: ops.REQUEST_TIMEOUT_SECONDS * 1000,
    maxConnections: ops.MAX_CONNECTIONS,
    onError: (error) => logger.error({ err: error }, 'request failed'),
  });
  const closer = trackInFlight(server);
  await listen(server, config.PORT, config.HOST).catch(async (error: unknown) => {
    await store.close();
    await analytics.close();
    throw error;
  });
  for (const channel of channels) await channel.start?.();
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host}:${port}`;
  announce?.(url, channels);
  for (const setup of decided)
    if (!setup.enabled) logger.info({ channel: setup.name, reason: setup.reason }, 'channel off');
    else {
      logger.info({ channel: setup.name, summary: setup.summary }, 'channel on');
      if (setup.warning) logger.warn({ channel: setup.name, warning: setup.warning }, 'CHANNEL UNSAFE');
    }
  logger.info({ url, indexSource: loaded.indexSource }, 'listening');

  let closing: Promise<void> | undefined;
  const shutDown = async (): Promise<void> => {
    draining = true;
    const deadline = performance.now() + ops.SHUTDOWN_TIMEOUT_SECONDS * 1000;
    logger.info({ inFlight: closer.inFlight(), turns: turns.inFlight() }, 'shutting down');
    const { cut } = await closer.close(ops.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    if (cut) logger.warn({ cut }, 'requests still running at SHUTDOWN_TIMEOUT_SECONDS were cut');
    // Stop the channels' own intake (Socket Mode) before waiting for the turns they started.
    for (const channel of channels)
      await Promise.resolve()
        .then(() => channel.stop?.())
        .catch((error: unknown) =>
          logger.error({ err: error, channel: channel.name }, 'channel stop failed'),
        );
    // Turns answered after the HTTP ack (Slack, Teams) still write their state and send their replies: the
    // store stays open for them.
    const unfinished = await turns.settled(deadline - performance.now());
    if (unfinished) logger.warn({ unfinished }, 'turns still running at SHUTDOWN_TIMEOUT_SECONDS');
    await store.close();
    await analytics.close();
    logger.info('stopped');
  };
  return {
    server,
    url,
    channels,
    setups: decided,
    metrics,
    settled: (timeoutMs = 10_000) => turns.settled(timeoutMs),
    close: () => (closing ??= shutDown()),
  };
}
