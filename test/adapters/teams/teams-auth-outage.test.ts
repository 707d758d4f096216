import nock from 'nock';
import { KEYS_RETRY_SECONDS } from '../../../src/adapters/teams/cloud-adapter';
import { startServer, type RunningServer } from '../../../src/server/serve';
import {
  AUTH_ENV,
  channelToken,
  forger,
  refuseAllButLoopback,
  releaseBotFramework,
} from './fake-bot-framework';
import { fixture, postActivity, startFakeConnector, type FakeConnector } from './fake-connector';

// The Bot Framework's OpenID metadata cannot be fetched: no token can be checked. Forged tokens used to get
// 500, each fetching the metadata again; now 503 with Retry-After (the connector retries), fetched once.
let connector: FakeConnector;
let server: RunningServer;
let metadataFetches = 0;

beforeAll(async () => {
  refuseAllButLoopback();
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(() => {
      metadataFetches++;
      return [500, 'unavailable'];
    });
  connector = await startFakeConnector();
  server = await startServer({
    env: { PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production', ...AUTH_ENV },
  });
});

afterAll(async () => {
  await server.close();
  await connector.close();
  releaseBotFramework();
});

test('forged tokens get 503 with Retry-After, not 500, and the metadata is fetched once for all of them', async () => {
  const activity = fixture('personal-message', { serviceUrl: connector.url });
  const forged = channelToken({ serviceurl: connector.url }, forger.privateKey);
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ ...activity, id: `outage-${i}` }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(String(KEYS_RETRY_SECONDS));
  }
  expect(metadataFetches).toBe(1);
  expect(connector.calls).toEqual([]);
});

test('a request with no token, or a token that is not a JWT, still gets 401', async () => {
  const activity = fixture('personal-message', { serviceUrl: connector.url });
  const headerSets: Array<Record<string, string>> = [
    {},
    { authorization: 'Bearer not-a-jwt' },
    { authorization: 'Basic abc' },
  ];
  for (const headers of headerSets)
    expect((await postActivity(server.url, activity, headers)).status).toBe(401);
  expect(connector.calls).toEqual([]);
});
