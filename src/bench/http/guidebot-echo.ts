import type { Bot } from '../../core/bot';
import { simpleReply } from '../../core/turns/simple-replies';
import type { ChannelSetup } from '../../server/channel';
import { CHANNEL_SETUPS } from '../../server/channels';
import { startServer } from '../../server/serve';

// guidebot's own server and channel adapters with the core swapped for an echo: what our HTTP, Slack and
// Teams layers cost on top of the bare frameworks, apart from the work of answering.
const echo: Bot = {
  handle: async (inbound) => [simpleReply(inbound.text ?? '')],
  welcome: () => simpleReply('hello'),
};

const setups = CHANNEL_SETUPS.map((setup) => (env: Parameters<typeof setup>[0]): ChannelSetup => {
  const decided = setup(env);
  if (!decided.enabled) return decided;
  return { ...decided, create: (context) => decided.create({ ...context, bot: echo }) };
});

void startServer({ env: process.env, setups });
// Exit normally when the benchmark stops it, so that BENCH_CPU_PROF_DIR gets this process's profile too.
process.once('SIGTERM', () => process.exit(0));
