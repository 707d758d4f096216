import { Writable } from 'node:stream';
import { slackSetup } from '../../../src/adapters/slack';
import type { Env } from '../../../src/config';
import type { Bot } from '../../../src/core/bot';
import type { Inbound, Reply } from '../../../src/core/types';
import type { ChannelContext } from '../../../src/server/channel';
import { createLogger } from '../../../src/server/logger';
import { startServer, type RunningServer } from '../../../src/server/serve';
import { FakeSlackApi } from './fake-slack-api';
import { BOT_TOKEN, SIGNING_SECRET } from './signed-request';

/** The real server with Slack on, pointed at a fake Slack API, with its logs and the bot's turns recorded. */
export interface SlackHarness {
  fake: FakeSlackApi;
  server: RunningServer;
  url: string;
  logs: string[];
  /** Every turn the Slack channel handed the core. */
  turns: Inbound[];
  /** When set, replaces the core's replies (for replies today's core cannot make: dialogs, long answers). */
  rewrite?: (inbound: Inbound, real: Reply[]) => Reply[];
  /** Between tests: lets messages still on their way land, then forgets calls, scripts and the rewrite. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** What replicas share: Slack itself, and the store (Redis in production). */
export interface Shared {
  fake?: FakeSlackApi;
  store?: ChannelContext['store'];
}

export async function startSlackHarness(extraEnv: Env = {}, shared: Shared = {}): Promise<SlackHarness> {
  const fake = shared.fake ?? new FakeSlackApi();
  if (!shared.fake) await fake.start();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const env: Env = {
    PORT: '0',
    LOG_LEVEL: 'debug',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...extraEnv,
  };
  const logger = createLogger(env, sink);
  const harness = { fake, logs, turns: [] as Inbound[] } as unknown as SlackHarness;
  const setup = (setupEnv: Env) => {
    // Fast retries keep the suite quick; the back-off itself is the Web API client's.
    const real = slackSetup(setupEnv, {
      logger,
      retryConfig: { retries: 3, minTimeout: 20, maxTimeout: 100 },
    });
    if (!real.enabled) return real;
    return {
      ...real,
      create: (context: Parameters<typeof real.create>[0]) => {
        const bot: Bot = {
          welcome: () => context.bot.welcome(),
          async handle(inbound) {
            harness.turns.push(inbound);
            const replies = await context.bot.handle(inbound);
            return harness.rewrite ? harness.rewrite(inbound, replies) : replies;
          },
        };
        return real.create({ ...context, bot, ...(shared.store && { store: shared.store }) });
      },
    };
  };
  const server = await startServer({ env, logger, setups: [setup] });
  Object.assign(harness, {
    server,
    url: server.url,
    async reset() {
      await fake.settle();
      fake.reset();
      harness.rewrite = undefined;
    },
    async close() {
      await server.close();
      if (!shared.fake) await fake.stop();
    },
  });
  return harness;
}
