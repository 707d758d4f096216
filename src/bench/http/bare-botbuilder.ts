import { createServer } from 'node:http';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type TurnContext,
} from 'botbuilder';

// The baseline: a botbuilder bot (no app id: local mode, as in the benchmark) that only echoes each message.
// It enters CloudAdapter below process(), after reading the body itself, exactly as guidebot's Teams route.
class EchoAdapter extends CloudAdapter {
  run(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }
}
const adapter = new EchoAdapter(new ConfigurationBotFrameworkAuthentication({}));

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') return void res.writeHead(404).end();
  let raw = '';
  req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  req.on('end', () => {
    const activity = JSON.parse(raw) as Activity;
    adapter
      .run(req.headers.authorization ?? '', activity, async (context) => {
        if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? 'echo');
      })
      .then(
        () => res.writeHead(200).end(),
        () => res.writeHead(500).end(),
      );
  });
});

const port = Number(process.env.PORT);
server.listen(port, '127.0.0.1');
// Exit normally when the benchmark stops it, so that BENCH_CPU_PROF_DIR gets this process's profile too.
process.once('SIGTERM', () => process.exit(0));
