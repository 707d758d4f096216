import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../server/logger';
import { BodyTooLargeError, readBody } from '../../server/read-body';
import { sendJson, type Route } from '../../server/route';
import { checkSlackRequest } from './request-guard';
import type { RouteReceiver } from './route-receiver';

export const SLACK_EVENTS_PATH = '/slack/events';
// Far above any real payload (a block_actions payload with a full message is some tens of kilobytes).
const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * `POST /slack/events`: Events API, slash commands and interactivity on one URL, as Slack's manifest sets
 * it. The request is read, verified and parsed here, once, then handed to the Bolt app through its receiver.
 */
export function createEventsRoute(receiver: RouteReceiver, signingSecret: string, logger: Logger): Route {
  return {
    method: 'POST',
    path: SLACK_EVENTS_PATH,
    async handle(req: IncomingMessage, res: ServerResponse) {
      let body: string;
      try {
        body = await readBody(req, BODY_LIMIT_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        logger.warn({ status: 413 }, 'slack request refused: body too large');
        sendJson(res, 413, { error: 'request body too large' });
        return;
      }
      const checked = checkSlackRequest(req.headers, body, signingSecret);
      if ('status' in checked) {
        logger.warn({ status: checked.status, reason: checked.reason }, 'slack request refused');
        sendJson(res, checked.status, { error: checked.reason });
        return;
      }
      await receiver.dispatch(checked.body, req.headers, res);
    },
  };
}
