import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity } from 'botbuilder';
import { BodyTooLargeError, readBody } from '../../server/read-body';
import { sendBusy, sendJson, type Route } from '../../server/route';
import type { Logger } from '../../server/logger';
import { hostName, isLoopback } from '../../server/loopback';
import {
  KEYS_RETRY_SECONDS,
  KeysUnavailableError,
  type Authenticated,
  type TeamsCloudAdapter,
  type TurnLogic,
} from './cloud-adapter';
import { isLoopbackServiceUrl } from './loopback';
import { hasActivityShape, parseActivity } from './parse-activity';

// Invokes carry their answer in the response; "expectReplies" (skills, test clients) wants the replies there.
function answersInResponse(activity: Activity): boolean {
  return activity.type === 'invoke' || activity.deliveryMode === 'expectReplies';
}

interface MessagesRouteOptions {
  adapter: TeamsCloudAdapter;
  logic: TurnLogic;
  /** No app id: accept unauthenticated activities, but only from a connector on this machine. */
  localMode: boolean;
  logger: Logger;
  /** Follows a turn answered after its request was acknowledged (the server's, so shutdown waits for it). */
  track?<T>(work: () => Promise<T>): Promise<T>;
  /** True while the server has too many turns in flight: new messages get 503 and come again. */
  overloaded?(): boolean;
}

/**
 * Why local mode (no authentication) refuses a request, or undefined. Only a program on this machine may
 * talk to it, and only about a connector on this machine: a caller from the network, a web page (an Origin
 * header, a non-JSON simple request, or a rebound Host name) or a serviceUrl elsewhere is refused. The
 * caller is checked, not just the URL, because every spelling of 127.0.0.1 is loopback too.
 */
function localModeRefusal(req: IncomingMessage, activity: Activity): string | undefined {
  if (!isLoopback(req.socket.remoteAddress ?? '')) return 'caller not on this machine';
  if (!isLoopback(hostName(req.headers.host))) return 'Host header not loopback';
  if (req.headers.origin !== undefined) return 'sent by a web page';
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return 'not application/json';
  if (!isLoopbackServiceUrl(activity.serviceUrl)) return 'serviceUrl not loopback';
  return undefined;
}

/**
 * `POST /api/messages`: the Bot Connector's endpoint. 400 malformed, 401 unauthenticated, 413 too large.
 * A message is acknowledged (200) once its token checks out and answered after, as the Bot Framework
 * advises: the connector gives up on a request after 15 s and sends it again, so an answer must never hold
 * the request open. Invokes (card actions) need their answer in the response and are answered before it.
 */
export function createMessagesRoute(options: MessagesRouteOptions): Route {
  return { method: 'POST', path: '/api/messages', handle: (req, res) => handleMessages(req, res, options) };
}

async function handleMessages(
  req: IncomingMessage,
  res: ServerResponse,
  options: MessagesRouteOptions,
): Promise<void> {
  const { adapter, logic, localMode, logger, track = (work) => work(), overloaded } = options;
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      // The rest of the body is never read: close the connection instead of keeping it alive half-read.
      res.setHeader('connection', 'close');
      return sendJson(res, 413, { error: 'request body too large' });
    }
    throw error;
  }
  const parsed = parseActivity(raw);
  if (!parsed.ok) {
    const error = parsed.problem === 'not-json' ? 'malformed JSON' : 'not a Bot Framework activity (no type)';
    return sendJson(res, 400, { error });
  }
  const { activity } = parsed;
  // botbuilder with no app id would POST its replies to whatever serviceUrl the request names. Refuse before
  // botbuilder sees the activity, so nothing at all is sent for such a request.
  const refused = localMode ? localModeRefusal(req, activity) : undefined;
  if (refused) {
    logger.warn({ activityType: activity.type, refused }, 'teams local mode: refused an activity');
    return sendJson(res, 401, { error: 'unauthorized' });
  }
  if (!hasActivityShape(activity))
    return sendJson(res, 400, { error: 'activity is missing required fields' });
  const authHeader = req.headers.authorization ?? '';
  let authenticated: Authenticated;
  try {
    authenticated = await adapter.authenticate(authHeader, activity);
  } catch (error) {
    if (error instanceof KeysUnavailableError) {
      logger.warn(
        { activityType: activity.type },
        'teams: cannot check tokens now (signing keys unavailable)',
      );
      res.setHeader('retry-after', String(KEYS_RETRY_SECONDS));
      return sendJson(res, 503, { error: 'cannot verify the token right now, try again shortly' });
    }
    // A token that cannot be checked is not accepted, whatever the library threw about it.
    logger.warn({ activityType: activity.type }, 'teams: refused a request without a valid token');
    return sendJson(res, 401, { error: 'unauthorized' });
  }
  if (answersInResponse(activity)) {
    const invokeResponse = await adapter.run(authenticated, activity, logic);
    if (invokeResponse) return sendJson(res, invokeResponse.status, invokeResponse.body ?? {});
    res.writeHead(200).end();
    return;
  }
  // The connector sends a refused activity again; an ack now would be an answer never sent.
  if (overloaded?.()) return sendBusy(res);
  res.writeHead(200).end();
  // The turn logic answers its own failures; this is botbuilder itself failing.
  track(() => adapter.run(authenticated, activity, logic)).catch((error: unknown) =>
    logger.error({ err: error, activityType: activity.type }, 'teams turn failed after the acknowledgement'),
  );
}
