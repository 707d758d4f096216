import { startServer, type RunningServer } from '../../../src/server/serve';
import {
  ACCESS_TOKEN,
  AUTH_ENV,
  channelToken,
  forger,
  interceptBotFramework,
  releaseBotFramework,
  tokenRequests,
} from './fake-bot-framework';
import { fixture, postActivity, startFakeConnector, type FakeConnector } from './fake-connector';

let connector: FakeConnector;
let server: RunningServer;

beforeAll(() => interceptBotFramework());
afterAll(() => releaseBotFramework());

beforeEach(async () => {
  connector = await startFakeConnector();
  server = await startServer({
    env: {
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      ...AUTH_ENV,
    },
  });
});

afterEach(async () => {
  await server.close();
  await connector.close();
});

test('a request with a valid Bot Framework token is answered, and the reply carries the bot’s own token', async () => {
  const activity = fixture('personal-message', { serviceUrl: connector.url }, { text: 'help' });
  const token = channelToken({ serviceurl: connector.url });

  const res = await postActivity(server, activity, { authorization: `Bearer ${token}` });

  expect(res.status).toBe(200);
  const [message] = connector.messages();
  expect(message?.body.text).toEqual(expect.any(String));
  expect(message?.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
  expect(tokenRequests.some((r) => r.startsWith('POST'))).toBe(true);
});

test('the bot gets its own token from Entra ID once and uses it for every later reply', async () => {
  const token = channelToken({ serviceurl: connector.url });
  const before = tokenRequests.filter((r) => r.startsWith('POST')).length;

  for (const [i, text] of ['help', 'do I need a PIA?', 'thanks'].entries()) {
    const activity = fixture('personal-message', { serviceUrl: connector.url }, { id: `turn-${i}`, text });
    expect((await postActivity(server, activity, { authorization: `Bearer ${token}` })).status).toBe(200);
  }

  const replies = connector.messages();
  expect(replies.length).toBeGreaterThanOrEqual(3);
  for (const reply of replies) expect(reply.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
  expect(tokenRequests.filter((r) => r.startsWith('POST')).length - before).toBeLessThanOrEqual(1);
});

test('tokens signed by another key, for another bot, expired, or for another serviceUrl get 401', async () => {
  const activity = fixture('personal-message', { serviceUrl: connector.url });
  const now = Math.floor(Date.now() / 1000);
  const bad = [
    channelToken({ serviceurl: connector.url }, forger.privateKey),
    channelToken({ serviceurl: connector.url, aud: '11111111-2222-3333-4444-555555555555' }),
    channelToken({ serviceurl: connector.url, nbf: now - 7200, exp: now - 3600 }),
    channelToken({ serviceurl: 'https://attacker.example/' }),
  ];
  for (const token of bad)
    expect((await postActivity(server, activity, { authorization: `Bearer ${token}` })).status).toBe(401);
  expect(connector.calls).toHaveLength(0);
});
