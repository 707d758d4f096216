import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity } from 'botbuilder';
import { BodyTooLargeError, readBody } from '../../server/read-body';
import { sendBusy, sendJson, type Route } from '../../server/route';
import type { Logger } from '../../server/logger';
import { isAuthenticationError, type TeamsCloudAdapter, type TurnLogic } from './cloud-adapter';
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
  if (localMode && !isLoopbackServiceUrl(activity.serviceUrl)) {
    logger.warn(
      { activityType: activity.type },
      'teams local mode: refused an activity whose serviceUrl is not loopback',
    );
    return sendJson(res, 401, { error: 'unauthorized' });
  }
  if (!hasActivityShape(activity))
    return sendJson(res, 400, { error: 'activity is missing required fields' });
  const authHeader = req.headers.authorization ?? '';
  try {
    if (answersInResponse(activity)) {
      const invokeResponse = await adapter.run(authHeader, activity, logic);
      if (invokeResponse) return sendJson(res, invokeResponse.status, invokeResponse.body ?? {});
      res.writeHead(200).end();
      return;
    }
    const authenticated = await adapter.authenticate(authHeader, activity);
    // The connector sends a refused activity again; an ack now would be an answer never sent.
    if (overloaded?.()) return sendBusy(res);
    res.writeHead(200).end();
    // The turn logic answers its own failures; this is botbuilder itself failing.
    track(() => adapter.run(authenticated, activity, logic)).catch((error: unknown) =>
      logger.error(
        { err: error, activityType: activity.type },
        'teams turn failed after the acknowledgement',
      ),
    );
  } catch (error) {
    if (!isAuthenticationError(error)) throw error;
    logger.warn({ activityType: activity.type }, 'teams: refused a request without a valid token');
    sendJson(res, 401, { error: 'unauthorized' });
  }
}
