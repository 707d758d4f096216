import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { webSetup } from '../../src/adapters/web';
import { startServer, type RunningServer } from '../../src/server/serve';
import { send, sleep } from './helpers';

// A request answered before its body is read (404, 405, 403, 415) is closed, not read to the end: one client
// streamed 2.8 GB into a 404 in 20 s. Slow bodies are cut at REQUEST_TIMEOUT_SECONDS, and MAX_CONNECTIONS
// bounds how many connections a replica holds.
let server: RunningServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startServer({
    env: { PORT: '0', LOG_LEVEL: 'silent', REQUEST_TIMEOUT_SECONDS: '1', MAX_CONNECTIONS: '4' },
    setups: [webSetup],
  });
  server.server.on('connection', (socket: Socket) => sockets.push(socket));
});
afterAll(() => server.close());

/** Posts a body that keeps coming whatever the server says (up to 20 MB); resolves with the status seen. */
function pushBody(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    let status = 0;
    const req = request(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
      status = res.statusCode ?? 0;
      res.resume();
    });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const write = (): void => {
      if (req.destroyed || sent >= 20 * 1024 * 1024) return void req.end();
      sent += chunk.length;
      req.write(chunk, (error) => (error ? undefined : setImmediate(write)));
    };
    req.on('error', () => undefined);
    req.on('close', () => resolve(status));
    write();
  });
}

test.each([
  ['/nowhere', {}, 404],
  ['/healthz', {}, 405],
  ['/api/web/turn', { 'content-type': 'text/plain' }, 415],
  ['/api/web/turn', { 'content-type': 'application/json', origin: 'https://evil.example' }, 403],
])(
  'POST %s answered early (%j) closes the connection after reading little',
  async (path, headers, status) => {
    const before = sockets.length;
    expect(await pushBody(path, headers)).toBe(status);
    const socket = sockets[before]!;
    await sleep(100);
    expect(socket.destroyed).toBe(true);
    // The first socket reads at most: far from the 20 MB the client wanted to push.
    expect(socket.bytesRead).toBeLessThan(2 * 1024 * 1024);
  },
);

test('a body that trickles in is cut at REQUEST_TIMEOUT_SECONDS', async () => {
  const started = performance.now();
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
  const closed = new Promise<string>((resolve) => {
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
  });
  socket.write(
    'POST /api/web/turn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
  );
  const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
  const answer = await closed;
  clearInterval(trickle);
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(performance.now() - started).toBeLessThan(3000);
});

test('connections past MAX_CONNECTIONS are refused; the server serves again once they close', async () => {
  const port = Number(new URL(server.url).port);
  const open = await Promise.all(
    Array.from(
      { length: 4 },
      () =>
        new Promise<Socket>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => resolve(socket));
        }),
    ),
  );
  await sleep(50);
  const extra = connect(port, '127.0.0.1');
  extra.on('error', () => undefined);
  const dropped = await new Promise<boolean>((resolve) => {
    extra.on('close', () => resolve(true));
    setTimeout(() => resolve(false), 1000);
  });
  expect(dropped).toBe(true);
  for (const socket of open) socket.destroy();
  await sleep(50);
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
});

test('a request without a body answered at once keeps its connection for the next one', async () => {
  const answer = await send(`${server.url}/healthz`);
  expect(answer.status).toBe(200);
  expect(answer.headers.connection).toBe('keep-alive');
});
