import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../server/logger';
import { BodyTooLargeError, readBody } from '../../server/read-body';
import { sendJson, type Route } from '../../server/route';
import { checkSlackRequest } from './request-guard';

export const SLACK_EVENTS_PATH = '/slack/events';
// Far above any real payload (a block_actions payload with a full message is some tens of kilobytes).
const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * `POST /slack/events`: Events API, slash commands and interactivity on one URL, as Slack's manifest sets
 * it. The request is checked here, then handed to Bolt's own HTTP receiver, which verifies it again and acks.
 */
export function createEventsRoute(receiver: HTTPReceiver, signingSecret: string, logger: Logger): Route {
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
      const refusal = checkSlackRequest(req.headers, body, signingSecret);
      if (refusal) {
        logger.warn({ status: refusal.status, reason: refusal.reason }, 'slack request refused');
        sendJson(res, refusal.status, { error: refusal.reason });
        return;
      }
      // Bolt reads `rawBody` when a body was already read, instead of the (now consumed) stream.
      Object.assign(req, { rawBody: Buffer.from(body, 'utf8') });
      receiver.requestListener(req, res);
    },
  };
}
