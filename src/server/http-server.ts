import { createServer, type Server } from 'node:http';
import { sendJson, type Route } from './route';

/** One server for every channel: routes by method and path, 404/405 otherwise, 500 (no stack) on a throw. */
export function createHttpServer(routes: Route[], onError: (error: unknown) => void = () => {}): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const matching = routes.filter((route) => route.path === path);
    const route = matching.find((candidate) => candidate.method === req.method);
    if (!route) {
      if (matching.length) res.setHeader('allow', matching.map((r) => r.method).join(', '));
      sendJson(res, matching.length ? 405 : 404, {
        error: matching.length ? 'method not allowed' : 'not found',
      });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(req, res))
      .catch((error: unknown) => {
        onError(error);
        sendJson(res, 500, { error: 'internal error' });
      });
  });
}

/** `GET /healthz`: the process is up and serving. */
export const healthRoute: Route = {
  method: 'GET',
  path: '/healthz',
  handle: (_req, res) => sendJson(res, 200, { status: 'ok' }),
};
