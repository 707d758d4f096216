import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import nock from 'nock';

// A Bot Framework channel token, signed with a key the test publishes as the Bot Framework's own
// (OpenID metadata and JWKS answered by nock): the real validation path, offline.
export const APP_ID = '6d2d3a1b-4c5e-4f60-8a7b-9c0d1e2f3a4b';
export const TENANT_ID = '3c1a2b4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const KEY_ID = 'guidebot-test-key';
export const ACCESS_TOKEN = 'outbound-token-from-entra';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function channelToken(claims: Record<string, unknown>, key: KeyObject = privateKey): string {
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

/** The environment of a bot with Bot Framework credentials (SingleTenant). */
export const AUTH_ENV = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'client-secret-for-tests',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT_ID,
};

/** Requests the bot made to Entra ID ("GET <uri>", "POST <uri>"). */
export const tokenRequests: string[] = [];

/**
 * Answers the Bot Framework's OpenID metadata and keys and Entra ID's token endpoint with nock; every other
 * host but loopback is refused. botbuilder console.errors every refused token: silenced meanwhile. Undo with
 * `releaseBotFramework`.
 */
export function interceptBotFramework(): void {
  refuseAllButLoopback();
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
}

/** nock refuses every host but loopback; botbuilder's console.errors for refused tokens are silenced. */
export function refuseAllButLoopback(): void {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
}

/** Takes nock off Node's http again, so test files that run later in this worker get the real one. */
export function releaseBotFramework(): void {
  jest.restoreAllMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
}

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
