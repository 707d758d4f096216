import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type Claims = Authenticated['claimsIdentity'];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** More distinct bots, service URLs and audiences than a deployment has; local mode could make up more. */
const MAX_CLIENTS = 64;

/**
 * botbuilder's authentication, keeping the clients it makes for outbound calls. botbuilder builds a
 * ConnectorClient and a UserTokenClient, each with its credentials and HTTP pipeline, for every activity:
 * a quarter of a Teams turn's CPU in `npm run bench:http`. They hold nothing of the turn (credentials
 * refresh their own tokens), so one per bot, service URL and audience serves every turn. Requests are still
 * authenticated one by one.
 */
export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ): Promise<Authenticated> {
    const result = await super.authenticateRequest(...args);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusing(factory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claims: Claims): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claims), claims);
  }

  override createUserTokenClient(claims: Claims): Promise<UserTokenClient> {
    return kept(this.tokenClients, botOf(claims), () => super.createUserTokenClient(claims));
  }

  private reusing(factory: ConnectorFactory, claims: Claims): ConnectorFactory {
    const bot = botOf(claims);
    return {
      create: (serviceUrl, audience) =>
        kept(this.connectors, JSON.stringify([bot, serviceUrl, audience]), () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}

/** The bot the clients act for, as botbuilder picks it: the audience claim, else the app id claim. */
function botOf(claims: Claims): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/** The client made for `key` before, or a new one; a failed creation is not kept, so the next turn retries. */
function kept<T>(clients: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const known = clients.get(key);
  if (known) return known;
  if (clients.size >= MAX_CLIENTS) clients.clear();
  const made = create();
  clients.set(key, made);
  made.catch(() => clients.get(key) === made && clients.delete(key));
  return made;
}
