import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { ErrorCode, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { sendBusy, sendJson } from '../../server/route';
import type { Logger } from '../../server/logger';

/**
 * Bolt's receiver for requests the events route has already read, verified and parsed. Bolt's own
 * HTTPReceiver would read, verify and parse each one again; this one only hands the body to the app and
 * answers its ack on the route's response.
 */
export class RouteReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly logger: Logger,
    /** True while the server has too many turns in flight: new requests get 503 and come again. */
    private readonly overloaded: () => boolean = () => false,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Runs the app on one request. Resolves when its listeners are done, long after the ack for events. */
  async dispatch(body: Record<string, unknown>, headers: IncomingHttpHeaders, res: ServerResponse) {
    if (!this.app) throw new Error('the Slack receiver was not given to an App');
    // Slack checks that the URL answers before it sends anything (Events API set-up, slash commands).
    if (body.ssl_check === '1') return void res.writeHead(200).end();
    if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });
    // Slack sends a refused event again (at once, then after about 1 and 5 minutes); an ack now would be an
    // answer never sent.
    if (this.overloaded()) return sendBusy(res);
    let acked = false;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) throw new Error('this Slack request was already acknowledged');
        acked = true;
        if (!response) res.writeHead(200).end();
        else if (typeof response === 'string') res.writeHead(200).end(response);
        else sendJson(res, 200, response);
      },
      ...retryOf(headers),
    };
    try {
      await this.app.processEvent(event);
    } catch (error) {
      if (acked || res.headersSent)
        return this.logger.warn({ err: error }, 'slack listener failed after ack');
      const status = (error as { code?: unknown })?.code === ErrorCode.AuthorizationError ? 401 : 500;
      if (status === 500) this.logger.error({ err: error }, 'slack request failed');
      return sendJson(res, status, { error: status === 401 ? 'not authorized' : 'internal error' });
    }
    // Nothing took this request (an action or command no listener handles): say so now, rather than let
    // Slack wait out its three seconds.
    if (!acked && !res.headersSent) sendJson(res, 404, { error: 'not handled' });
  }
}

/** Slack's retry headers, as Bolt passes them to listeners (context.retryNum, context.retryReason). */
function retryOf(headers: IncomingHttpHeaders): Pick<ReceiverEvent, 'retryNum' | 'retryReason'> {
  const num = Number(headers['x-slack-retry-num']);
  const reason = headers['x-slack-retry-reason'];
  return {
    ...(Number.isInteger(num) && { retryNum: num }),
    ...(typeof reason === 'string' && { retryReason: reason }),
  };
}
