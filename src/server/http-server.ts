import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { BodyTooLargeError, MalformedBodyError } from './read-body';
import { runInRequest, toRequestId } from './request-context';
import { sendJson, type Route } from './route';

/** What the server does besides routing: logs, metrics, and who to tell about a failed handler. */
interface HttpServerOptions {
  onError?: (error: unknown) => void;
  logger?: Logger;
  metrics?: Metrics;
  /** The channel that serves a route (a metric label and log field); 'server' when none does. */
  channelOf?: (route: Route) => string | undefined;
  /** A request (headers and body) must arrive within this (REQUEST_TIMEOUT_SECONDS); default 30 s. */
  requestTimeoutMs?: number;
  /** Connections open at once (MAX_CONNECTIONS); more are refused. Default 1000. */
  maxConnections?: number;
}

// Probes hit these every few seconds: their lines are kept to debug so they do not drown the turns.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One server for every channel: routes by method and path, 404/405 otherwise, 413/400 for bodies a route
 * refuses, 500 (no stack) on any other throw. Every request gets an id (a sane incoming x-request-id, or a
 * new one) echoed in the response, one log line without its body, and a count in the metrics.
 */
export function createHttpServer(
  routes: Route[],
  options: HttpServerOptions | ((error: unknown) => void) = {},
): Server {
  const {
    onError = () => {},
    logger,
    metrics,
    channelOf,
    requestTimeoutMs = 30_000,
    maxConnections = 1000,
  } = typeof options === 'function' ? { onError: options } : options;
  const server = createServer({
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(20_000, requestTimeoutMs),
    // Node looks for overdue requests this often (30 s by default, which let a slow body run to 60 s).
    connectionsCheckingInterval: Math.min(1000, requestTimeoutMs),
  });
  server.maxConnections = maxConnections;
  server.on('request', (req, res) => {
    const started = performance.now();
    const reqId = toRequestId(req.headers['x-request-id']);
    res.setHeader('x-request-id', reqId);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const matching = routes.filter((route) => route.path === path);
    const route = matching.find((candidate) => candidate.method === req.method);
    const labels = {
      // Unknown paths share one label: a scanner must not grow the metrics without bound.
      route: matching.length ? path : 'unmatched',
      channel: (route && channelOf?.(route)) ?? 'server',
    };
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const status = res.writableFinished ? String(res.statusCode) : 'aborted';
      metrics?.httpRequests.inc({ ...labels, status });
      metrics?.httpDuration.observe(labels, seconds);
      logger?.[QUIET_PATHS.has(path) ? 'debug' : 'info'](
        {
          reqId,
          method: req.method,
          path: path.slice(0, 200),
          ...labels,
          status: res.writableFinished ? res.statusCode : 'aborted',
          durationMs: Math.round(seconds * 10_000) / 10,
        },
        'request',
      );
    });
    if (!route) {
      if (matching.length) res.setHeader('allow', matching.map((r) => r.method).join(', '));
      sendJson(res, matching.length ? 405 : 404, {
        error: matching.length ? 'method not allowed' : 'not found',
      });
      return;
    }
    runInRequest({ reqId }, () =>
      Promise.resolve()
        .then(() => route.handle(req, res))
        .catch((error: unknown) => {
          // The client went away mid-request: nothing failed here, and nobody is left to answer.
          if (req.destroyed && !req.complete) {
            logger?.debug(
              { reqId, code: (error as { code?: unknown })?.code },
              'request aborted by the client',
            );
            return void res.destroy();
          }
          answerError(res, error, onError);
        }),
    );
  });
  return server;
}

function answerError(res: ServerResponse, error: unknown, onError: (error: unknown) => void): void {
  if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
  if (error instanceof MalformedBodyError) return sendJson(res, 400, { error: error.message });
  onError(error);
  if (res.headersSent) res.destroy();
  else sendJson(res, 500, { error: 'internal error' });
}

/** `GET /healthz`: the process is up and serving. */
export const healthRoute: Route = {
  method: 'GET',
  path: '/healthz',
  handle: (_req, res) => sendJson(res, 200, { status: 'ok' }),
};
