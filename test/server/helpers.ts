import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { Writable } from 'node:stream';
import type { Env } from '../../src/config';
import type { Channel, ChannelContext, ChannelSetup } from '../../src/server/channel';
import { createLogger, type Logger } from '../../src/server/logger';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One real HTTP request over loopback. */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: Agent } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: options.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A channel set-up for tests: always on, serving whatever routes `makeRoutes` builds from the context. */
export function testChannel(
  name: string,
  makeRoutes: (context: ChannelContext) => Channel['routes'],
  hooks: { stop?(): Promise<void> } = {},
): (env: Env) => ChannelSetup {
  return () => ({
    name,
    enabled: true,
    summary: `${name} test channel`,
    create: async (context) => ({ name, routes: makeRoutes(context), ...hooks }),
  });
}

/** A logger writing into memory, and the JSON lines it wrote so far. */
export function memoryLogger(env: Env = {}): {
  logger: Logger;
  lines(): Array<Record<string, unknown>>;
  raw(): string;
} {
  let raw = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      done();
    },
  });
  return {
    logger: createLogger(env, stream),
    raw: () => raw,
    lines: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
