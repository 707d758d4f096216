import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig, type Env } from '../config';
import { loadBot } from '../core/load-bot';
import type { Channel, ChannelSetup } from './channel';
import { CHANNEL_SETUPS } from './channels';
import { createStore } from './create-store';
import { createHttpServer, healthRoute } from './http-server';
import { createLogger, type Logger } from './logger';

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  channels: Channel[];
  setups: ChannelSetup[];
  close(): Promise<void>;
}

export interface ServeOptions {
  env: Env;
  logger?: Logger;
  /** Channel set-ups to use instead of the registered ones (tests). */
  setups?: Array<(env: Env) => ChannelSetup>;
}

/** Loads knowledge, the store and every enabled channel, and listens on HOST:PORT. */
export async function startServer({
  env,
  logger = createLogger(env),
  setups,
}: ServeOptions): Promise<RunningServer> {
  const config = loadConfig(env);
  const store = await createStore(config);
  const { bot, index } = loadBot({
    store,
    conversationTtlSeconds: config.CONVERSATION_TTL_MINUTES * 60,
    ...(config.GUIDEBOT_KNOWLEDGE_DIR && { knowledgeDir: config.GUIDEBOT_KNOWLEDGE_DIR }),
    ...(config.GUIDEBOT_INDEX_PATH && { indexPath: config.GUIDEBOT_INDEX_PATH }),
  });
  const decided = (setups ?? CHANNEL_SETUPS).map((setup) => setup(env));
  const channels: Channel[] = [];
  for (const setup of decided) {
    if (!setup.enabled) {
      logger.info({ channel: setup.name, reason: setup.reason }, 'channel off');
      continue;
    }
    channels.push(await setup.create({ bot, index, store, env }));
    logger.info({ channel: setup.name, summary: setup.summary }, 'channel on');
  }
  const server = createHttpServer([healthRoute, ...channels.flatMap((channel) => channel.routes)], (error) =>
    logger.error({ err: error }, 'request failed'),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  for (const channel of channels) await channel.start?.();
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host}:${port}`;
  logger.info({ url }, 'listening');
  return {
    server,
    url,
    channels,
    setups: decided,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const channel of channels) await channel.stop?.();
      await store.close();
    },
  };
}
