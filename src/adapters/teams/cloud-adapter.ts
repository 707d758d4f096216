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
  constructor(config: TeamsConfig) {
    super(new ReusingAuthentication(toAuthOptions(config)));
  }

  /** Checks the request's token (throws a 401 AuthenticationError), so it can be acknowledged before the turn. */
  authenticate(authHeader: string, activity: Activity): Promise<Authenticated> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
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

// jsonwebtoken's own errors (bad signature, malformed, not yet valid) reach us unwrapped.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** True for a missing, malformed, expired or forged token: botframework-connector's 401s and jsonwebtoken's. */
export function isAuthenticationError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (TOKEN_ERRORS.has(error.name) || (error as { statusCode?: unknown }).statusCode === 401)
  );
}
