import type { Socket } from 'node:net';
import { teamsSetup } from '../../../src/adapters/teams';
import { runDoctor } from '../../../src/ops/doctor';
import { CHANNEL_SETUPS } from '../../../src/server/channels';
import { startServer, type RunningServer } from '../../../src/server/serve';
import { memoryLogger, send } from '../../server/helpers';
import { fixture, startFakeConnector, type FakeConnector } from './fake-connector';

// Local mode (no app id) authenticates nothing. These are the requests a hostile test used to make the bot
// POST to a port and path of its choosing on the server's machine (SSRF), each spelling of 127.0.0.1 included.
const ENV = { PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' };
let connector: FakeConnector;
let server: RunningServer | undefined;
let nextId = 0;

beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await connector.close();
});

/** The fake connector (a stand-in for any local service) under every loopback spelling. */
function loopbackSpellings(): string[] {
  const { port, pathname } = new URL(connector.url);
  return ['127.0.0.1', '127.1', '2130706433', '0177.0.0.1', '0x7f.1', 'localhost', '[::ffff:127.0.0.1]'].map(
    (host) => `http://${host}:${port}${pathname}`,
  );
}

function message(serviceUrl: string): string {
  return JSON.stringify(
    fixture('personal-message', { serviceUrl }, { id: `local-${++nextId}`, text: 'help' }),
  );
}

async function post(body: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await send(`${server!.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  await server!.settled();
  return res.status;
}

test('on a HOST other machines can reach, local mode stays off unless TEAMS_LOCAL_MODE=on', async () => {
  const decided = teamsSetup({ HOST: '0.0.0.0' });
  expect(decided.enabled).toBe(false);
  expect(decided.enabled ? '' : decided.reason).toContain('TEAMS_LOCAL_MODE=on');
  expect(teamsSetup({ HOST: '127.0.0.1', TEAMS_LOCAL_MODE: 'off' }).enabled).toBe(false);

  // The web chat, explicitly on, keeps the server up: Teams stays off and its route does not exist.
  server = await startServer({ env: { ...ENV, HOST: '0.0.0.0', WEB_CHAT: 'on' }, setups: CHANNEL_SETUPS });
  server.url = server.url.replace('0.0.0.0', '127.0.0.1');
  for (const serviceUrl of loopbackSpellings()) expect(await post(message(serviceUrl))).toBe(404);
  expect(connector.calls).toEqual([]);
});

test('TEAMS_LOCAL_MODE=on on such a HOST is said loudly by doctor and the start-up log', async () => {
  const env = { ...ENV, HOST: '0.0.0.0', TEAMS_LOCAL_MODE: 'on', LOG_LEVEL: 'info' };
  const report = await runDoctor({ env, setups: [teamsSetup] });
  expect(report.lines).toContainEqual(
    expect.stringMatching(
      /^WARN {2}teams: TEAMS_LOCAL_MODE=on with HOST 0\.0\.0\.0: Teams runs WITHOUT AUTHENTICATION/,
    ),
  );
  const log = memoryLogger(env);
  server = await startServer({ env, logger: log.logger, setups: [teamsSetup] });
  const warning = log.lines().find((line) => line.msg === 'CHANNEL UNSAFE');
  expect(warning).toMatchObject({ level: 40, channel: 'teams' });
  expect(String(warning?.warning)).toContain('WITHOUT AUTHENTICATION');
});

test('even then, a caller from another machine gets 401 for every loopback spelling, and nothing is sent', async () => {
  const env = { ...ENV, HOST: '0.0.0.0', TEAMS_LOCAL_MODE: 'on' };
  server = await startServer({ env, setups: [teamsSetup] });
  server.url = server.url.replace('0.0.0.0', '127.0.0.1');
  // The test's traffic stays on loopback; the server is made to see it as coming from the network.
  server.server.prependListener('connection', (socket: Socket) =>
    Object.defineProperty(socket, 'remoteAddress', { value: '203.0.113.9' }),
  );
  for (const serviceUrl of loopbackSpellings()) expect(await post(message(serviceUrl))).toBe(401);
  expect(connector.calls).toEqual([]);
});

test('on loopback, a web page (Origin, a form post, a rebound Host name) gets 401 for every spelling', async () => {
  server = await startServer({ env: ENV, setups: [teamsSetup] });
  for (const serviceUrl of loopbackSpellings()) {
    const body = message(serviceUrl);
    expect(await post(body, { origin: 'https://evil.example' })).toBe(401);
    expect(await post(body, { 'content-type': 'text/plain' })).toBe(401);
    expect(await post(body, { host: 'rebound.evil.example' })).toBe(401);
  }
  expect(connector.calls).toEqual([]);
  // A connector on this machine (the Agents Playground) is still answered.
  expect(await post(message(connector.url))).toBe(200);
  expect(connector.messages().length).toBeGreaterThan(0);
});
