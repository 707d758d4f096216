import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import nock from 'nock';
import { startServer, type RunningServer } from '../../../src/server/serve';
import { fixture, postActivity, startFakeConnector, type FakeConnector } from './fake-connector';

// A Bot Framework channel token, signed with a key the test publishes as the Bot Framework's own
// (OpenID metadata and JWKS answered by nock): the real validation path, offline.
const APP_ID = '6d2d3a1b-4c5e-4f60-8a7b-9c0d1e2f3a4b';
const TENANT_ID = '3c1a2b4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const KEY_ID = 'guidebot-test-key';
const ACCESS_TOKEN = 'outbound-token-from-entra';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function channelToken(claims: Record<string, unknown>, key: KeyObject = privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'RS256', typ: 'JWT', kid: KEY_ID });
  const payload = base64url({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  });
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

let connector: FakeConnector;
let server: RunningServer;
const tokenRequests: string[] = [];

beforeAll(() => {
  // botbuilder console.errors every refused token; the statuses below are what this file checks.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, {
      issuer: 'https://api.botframework.com',
      jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
      id_token_signing_alg_values_supported: ['RS256'],
    })
    .get('/v1/.well-known/keys')
    .reply(200, {
      keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KEY_ID, use: 'sig', endorsements: ['msteams'] }],
    });
  // Entra ID, from which the bot gets its token for calling the connector (client credentials).
  nock('https://login.microsoftonline.com')
    .persist()
    .get(/.*/)
    .reply(200, (uri) => {
      tokenRequests.push(`GET ${uri}`);
      return uri.includes('discovery/instance') ? instanceDiscovery() : openIdConfiguration();
    })
    .post(new RegExp(`/${TENANT_ID}/oauth2/v2.0/token`))
    .reply(200, (uri) => {
      tokenRequests.push(`POST ${uri}`);
      return { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: ACCESS_TOKEN };
    });
});

afterAll(() => {
  jest.restoreAllMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  // Take nock's interceptor off Node's http, so test files that run later in this worker get the real one.
  nock.restore();
});

beforeEach(async () => {
  connector = await startFakeConnector();
  server = await startServer({
    env: {
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'client-secret-for-tests',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT_ID,
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

function openIdConfiguration(): object {
  const base = `https://login.microsoftonline.com/${TENANT_ID}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    issuer: `${base}/v2.0`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'token'],
  };
}

function instanceDiscovery(): object {
  return {
    tenant_discovery_endpoint: `https://login.microsoftonline.com/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [
      {
        preferred_network: 'login.microsoftonline.com',
        preferred_cache: 'login.windows.net',
        aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
      },
    ],
  };
}
