import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../src/server/serve';
import { FakeSlackApi } from './fake-slack-api';
import { BOT_TOKEN, sendEvent } from './signed-request';
import { mention } from './slack-fixtures';

// Socket Mode: the bot dials out to Slack (here a local WebSocket server), so no request URL is needed.
const APP_TOKEN = 'xapp-1-A0GUIDE01-1234567890-abcdef0123456789';
let fake: FakeSlackApi;
let sockets: WebSocket.Server;
let server: RunningServer;
const received: unknown[] = [];
let connection: Promise<WebSocket>;

beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  sockets = new WebSocket.Server({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => sockets.once('listening', resolve));
  fake.socketUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link`;
  connection = new Promise((resolve) =>
    sockets.on('connection', (socket) => {
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0GUIDE01' } }),
      );
      resolve(socket);
    }),
  );
  server = await startServer({
    env: {
      PORT: '0',
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
    },
  });
});
afterAll(async () => {
  const socket = await connection;
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await server.close();
  // Stopping the channel sends Slack a close frame; the handshake completing leaves no timers behind.
  await closed;
  await new Promise((resolve) => sockets.close(resolve));
  await fake.stop();
});

it('receives events over the socket, acks each envelope and answers in the thread', async () => {
  const socket = await connection;
  expect(fake.callsOf('apps.connections.open')).toHaveLength(1);
  socket.send(
    JSON.stringify({
      envelope_id: 'env-0001',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: mention('can we talk about court cases with the public?'),
    }),
  );
  const [post] = await fake.waitFor('chat.postMessage');
  expect(post!.params).toMatchObject({ channel: 'C0PUBLIC01', thread_ts: '1732435200.000100' });
  expect(received).toContainEqual(expect.objectContaining({ envelope_id: 'env-0001' }));
});

it('serves no HTTP events route in Socket Mode', async () => {
  expect((await sendEvent(server.url, { type: 'event_callback' })).status).toBe(404);
});
