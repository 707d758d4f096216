import type { Activity } from 'botbuilder';
import { ReusingAuthentication } from '../../../src/adapters/teams/reusing-authentication';

// Local mode (no app id): requests are not authenticated, which lets the test reach the connector factory.
const activity = { type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:3978/' } as Activity;

async function connectorFor(auth: ReusingAuthentication, serviceUrl: string) {
  const { connectorFactory, audience } = await auth.authenticateRequest(activity, '');
  return connectorFactory!.create(serviceUrl, audience);
}

test('turns to the same service URL share one connector client; another service URL gets its own', async () => {
  const auth = new ReusingAuthentication({});

  const first = await connectorFor(auth, 'http://127.0.0.1:3978/');
  const second = await connectorFor(auth, 'http://127.0.0.1:3978/');
  const other = await connectorFor(auth, 'http://127.0.0.1:4000/');

  expect(second).toBe(first);
  expect(other).not.toBe(first);
  expect(other.conversations).toBeDefined();
});

test('proactive turns (no request, no audience) reuse their clients too', async () => {
  const auth = new ReusingAuthentication({});
  const { claimsIdentity } = await auth.authenticateRequest(activity, '');

  const tokenClient = await auth.createUserTokenClient(claimsIdentity);
  const connector = await auth.createConnectorFactory(claimsIdentity).create('http://127.0.0.1:3978/');

  expect(await auth.createUserTokenClient(claimsIdentity)).toBe(tokenClient);
  expect(await auth.createConnectorFactory(claimsIdentity).create('http://127.0.0.1:3978/')).toBe(connector);
});
