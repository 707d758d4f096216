import { connect } from 'node:net';
import { webSetup } from '../../src/adapters/web';
import { startServer, type RunningServer } from '../../src/server/serve';
import { memoryLogger, sleep } from './helpers';

// A client that gives up mid-request is no failure of the server: one debug line each, no stack, no error.
// 500 aborted requests used to write 502 error lines with stacks.
let server: RunningServer;
const log = memoryLogger({ LOG_LEVEL: 'debug' });

beforeAll(async () => {
  server = await startServer({
    env: { PORT: '0', LOG_LEVEL: 'debug' },
    logger: log.logger,
    setups: [webSetup],
  });
});
afterAll(() => server.close());

test('requests aborted mid-body are logged at debug, without a stack, and nothing at error level', async () => {
  const port = Number(new URL(server.url).port);
  for (let i = 0; i < 20; i++) {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /api/web/turn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"conv',
    );
    await sleep(20);
    socket.destroy();
  }
  await sleep(200);
  const lines = log.lines();
  expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  const aborted = lines.filter((line) => line.msg === 'request aborted by the client');
  expect(aborted).toHaveLength(20);
  expect(aborted.every((line) => line.level === 20 && !JSON.stringify(line).includes('stack'))).toBe(true);
});
