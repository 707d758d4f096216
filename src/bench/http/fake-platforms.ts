import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Slack's Web API and the Bot Connector on loopback, as cheap as possible, counting what bots deliver. */
export interface FakePlatforms {
  /** SLACK_API_URL for the bots. */
  slackApiUrl: string;
  /** The serviceUrl to put in Bot Framework activities. */
  serviceUrl: string;
  /** Messages posted so far (chat.postMessage and connector message activities). */
  delivered(): number;
  close(): Promise<void>;
}

export async function startFakePlatforms(): Promise<FakePlatforms> {
  let delivered = 0;
  let next = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = req.url ?? '/';
      res.setHeader('content-type', 'application/json');
      const ts = `1732440000.${String(++next).padStart(6, '0')}`;
      if (url.startsWith('/api/auth.test')) {
        res.end(
          JSON.stringify({ ok: true, user_id: 'U0BOT0001', bot_id: 'B0BOT0001', team_id: 'T0GUIDE01' }),
        );
      } else if (url.startsWith('/api/chat.postMessage')) {
        delivered++;
        res.end(JSON.stringify({ ok: true, channel: 'D0BENCH', ts, message: { ts } }));
      } else if (url.startsWith('/api/')) {
        res.end(JSON.stringify({ ok: true, ts }));
      } else if (url.startsWith('/v3/conversations')) {
        if (raw.includes('"type":"message"')) delivered++;
        res.end(JSON.stringify({ id: `bench-${next}` }));
      } else {
        res.writeHead(404).end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    slackApiUrl: `${base}/api/`,
    serviceUrl: `${base}/`,
    delivered: () => delivered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
