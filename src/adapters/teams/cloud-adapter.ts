import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { toAuthOptions, type TeamsConfig } from './config';
import { ReusingAuthentication } from './reusing-authentication';

/** An authenticated request: its claims, and the factory of clients to answer it with. */
export type Authenticated = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/** The turn logic botbuilder runs for each authenticated activity. */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * botbuilder's CloudAdapter, entered below `process()`: the route has already read, parsed and checked the
 * body, and maps errors to status codes itself (`process()` would log the error and echo its message).
 */
export class TeamsCloudAdapter extends CloudAdapter {
  /** Until when (performance.now()) tokens cannot be checked: the signing keys could not be fetched. */
  private keysUnavailableUntil = 0;

  constructor(config: TeamsConfig) {
    super(new ReusingAuthentication(toAuthOptions(config)));
  }

  /**
   * Checks the request's token, so it can be acknowledged before the turn: throws botbuilder's error for a
   * bad token, and KeysUnavailableError when the Bot Framework's signing keys cannot be fetched. That
   * failure is remembered for KEYS_RETRY_SECONDS: every forged token would otherwise fetch them again.
   */
  async authenticate(authHeader: string, activity: Activity): Promise<Authenticated> {
    // Only a token the keys would be needed for waits for them; no token, or no JWT, is refused as usual.
    const jwt = /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/.test(authHeader);
    if (jwt && performance.now() < this.keysUnavailableUntil) throw new KeysUnavailableError();
    try {
      return await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (!isKeyFetchFailure(error)) throw error;
      this.keysUnavailableUntil = performance.now() + KEYS_RETRY_SECONDS * 1000;
      throw new KeysUnavailableError(error);
    }
  }

  /** Runs `logic` on the activity, authenticating the request first unless it already was. */
  run(
    auth: string | Authenticated,
    activity: Activity,
    logic: TurnLogic,
  ): Promise<InvokeResponse | undefined> {
    // processActivity's two overloads, one call: TypeScript cannot pick an overload for a union.
    return typeof auth === 'string'
      ? this.processActivity(auth, activity, logic)
      : this.processActivity(auth, activity, logic);
  }
}

/** How long a failed fetch of the signing keys is remembered; also the 503's Retry-After. */
export const KEYS_RETRY_SECONDS = 10;

/** The bot cannot check any token right now (the keys are out of reach): 503, and the connector retries. */
export class KeysUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('the Bot Framework signing keys could not be fetched', { cause });
    this.name = 'KeysUnavailableError';
  }
}

// botframework-connector's OpenIdMetadata: "Failed to load openID config: 500" / "Failed to load Keys: 502"
// (AuthenticationError, status 500), or node-fetch's FetchError when the host cannot be reached at all.
function isKeyFetchFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'FetchError' || /^Failed to load (openID config|Keys)/.test(error.message);
}
