import path from 'node:path';
import { Writable } from 'node:stream';
import type { Env } from '../../../src/config';
import type { ChannelSetup } from '../../../src/server/channel';
import { createLogger } from '../../../src/server/logger';
import { startServer, type RunningServer } from '../../../src/server/serve';
import { makeTempDir } from '../../helpers/knowledge-copy';

/** A real server on a free loopback port, with its log lines kept for privacy checks. */
export interface TestServer {
  running: RunningServer;
  url: string;
  logs: string[];
  indexPath: string;
}

/** Starts the real server (registered channels unless `setups` is given) with PORT 0 and a private index. */
export async function startTestServer(
  env: Env = {},
  setups?: Array<(env: Env) => ChannelSetup>,
): Promise<TestServer> {
  const indexPath = path.join(makeTempDir('web'), 'index.json');
  const fullEnv: Env = { PORT: '0', GUIDEBOT_INDEX_PATH: indexPath, ...env };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const running = await startServer({
    env: fullEnv,
    logger: createLogger(fullEnv, sink),
    ...(setups && { setups }),
  });
  return { running, url: running.url, logs, indexPath };
}

/** POSTs a JSON turn (or any body) to the web chat endpoint. */
export async function postTurn(
  url: string,
  body: unknown,
  contentType = 'application/json',
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}/api/web/turn`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}
