import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { toAuthOptions, type TeamsConfig } from './config';
import { ReusingAuthentication } from './reusing-authentication';

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

  /** Authenticates the request (throws a 401 AuthenticationError) and runs `logic` on the activity. */
  run(authHeader: string, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
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
