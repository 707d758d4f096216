import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { combineSteady, steadyRate, type SteadyResult } from '../../src/bench/http/steady-rate';

const round = (p99: number, p50 = 2, failed = 0): SteadyResult => ({
  sent: 100,
  p50,
  p99,
  failed,
  generatorStallMs: p99 / 2,
});

test('several steady rounds are judged on the median round, and every round and failure is still shown', () => {
  const combined = combineSteady([round(7, 1), round(54, 3, 1), round(9, 2)]);

  expect(combined).toMatchObject({ p99: 9, p50: 2, p99s: [7, 54, 9], failed: 1, sent: 300 });
  expect(combined.generatorStallMs).toBe(27);
});

test('with two rounds the worse one counts, so one lucky round cannot hide a slow server', () => {
  expect(combineSteady([round(7), round(54)]).p99).toBe(54);
});

describe('steadyRate against a server that answers after 20 ms', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => void setTimeout(() => res.end('ok'), 20));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('measures latency from when each request was due, and the load generator stall', async () => {
    const result = await steadyRate(url, () => ({ method: 'GET', path: '/' }), 50, 1);

    expect(result).toMatchObject({ sent: 50, failed: 0 });
    expect(result.p50).toBeGreaterThanOrEqual(20);
    expect(result.generatorStallMs).toBeGreaterThanOrEqual(0);
  });
});
