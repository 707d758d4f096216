import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { BENCH_SIGNING_SECRET, BENCH_SLACK_TOKEN } from './load';

// The baseline: a Bolt app on the same package and receiver that only echoes each direct message back.
async function main(): Promise<void> {
  const receiver = new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    token: BENCH_SLACK_TOKEN,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  });
  app.message(async ({ message, say }) => {
    await say('text' in message && message.text ? message.text : 'echo');
  });
  const port = Number(process.env.PORT);
  await app.start({ port, host: '127.0.0.1' });
}

void main();
// Exit normally when the benchmark stops it, so that BENCH_CPU_PROF_DIR gets this process's profile too.
process.once('SIGTERM', () => process.exit(0));
