import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Route } from '../../server/route';
import { guardRequest } from './guard';

// tsc copies no HTML, JS or CSS into dist/, so both src/ (tests) and dist/ (npm start) read the page from
// the source tree: src/adapters/web and dist/adapters/web are both three levels below the repository root.
/** Where the page's files live: src/adapters/web/static in the repository. */
const STATIC_DIR = path.resolve(__dirname, '../../../src/adapters/web/static');

const PAGE_FILES = [
  { path: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { path: '/static/render.js', file: 'render.js', type: 'text/javascript; charset=utf-8' },
  { path: '/static/chat.js', file: 'chat.js', type: 'text/javascript; charset=utf-8' },
  { path: '/static/chat.css', file: 'chat.css', type: 'text/css; charset=utf-8' },
  { path: '/static/icon.svg', file: 'icon.svg', type: 'image/svg+xml' },
] as const;

/** GET routes for the page and its script, style sheet and icon, read once at start-up (a missing file stops it). */
export function createStaticRoutes(loopbackOnly: boolean, dir = STATIC_DIR): Route[] {
  return PAGE_FILES.map(({ path: urlPath, file, type }) => {
    const body = readFileSync(path.join(dir, file));
    return {
      method: 'GET',
      path: urlPath,
      handle(req, res) {
        if (guardRequest(req, res, loopbackOnly)) sendFile(res, type, body);
      },
    };
  });
}

/** A page or file of the web chat, as the browser should keep it. */
export function sendFile(res: ServerResponse, type: string, body: Buffer): void {
  // no-cache: the browser revalidates, so a changed page shows after a restart without a hard reload.
  res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' });
  res.end(body);
}
