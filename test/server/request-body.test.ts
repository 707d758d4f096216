import { request } from 'node:http';
import { readBody, readJsonBody } from '../../src/server/read-body';
import { sendJson } from '../../src/server/route';
import { startServer, type RunningServer } from '../../src/server/serve';
import { memoryLogger, send, testChannel } from './helpers';

const LIMIT = 4096;

/**
 * Streams up to `total` bytes of body in 16 KiB chunks without a Content-Length, as a chunked upload does,
 * one chunk after the other, and stops writing once the answer has come (as a real client does).
 */
function streamHugeBody(url: string, total: number) {
  return new Promise<{ status: number; connection?: string; sent: number; body: string }>(
    (resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        answered = true;
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, sent, body });
        });
      });
      // A write racing the server's close fails after the answer arrived: that is the server doing its job.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(16 * 1024, '{');
      const write = (): void => {
        if (answered || req.destroyed) return;
        if (sent >= total) return void req.end();
        sent += chunk.length;
        req.write(chunk, (error) => (error ? undefined : setImmediate(write)));
      };
      write();
    },
  );
}

describe('request bodies, through a route', () => {
  let running: RunningServer;
  let logs: ReturnType<typeof memoryLogger>;
  // How far into the body each request got: what the route buffered and what the socket had read.
  const seen: Array<{ buffered?: number; socketRead: number }> = [];

  beforeAll(async () => {
    logs = memoryLogger();
    running = await startServer({
      env: { PORT: '0' },
      logger: logs.logger,
      setups: [
        testChannel('web', () => [
          {
            method: 'POST',
            path: '/test/json',
            async handle(req, res) {
              const record: { buffered?: number; socketRead: number } = { socketRead: 0 };
              seen.push(record);
              try {
                const body = await readJsonBody(req, LIMIT);
                record.buffered = JSON.stringify(body).length;
                sendJson(res, 200, { echo: body });
              } finally {
                record.socketRead = req.socket?.bytesRead ?? 0;
              }
            },
          },
          {
            method: 'POST',
            path: '/test/raw',
            async handle(req, res) {
              // A route that answers the 413 itself (as one that must reply in its platform's format).
              const text = await readBody(req, LIMIT).catch(() => undefined);
              if (text === undefined) return sendJson(res, 413, { error: 'too large for this channel' });
              sendJson(res, 200, { length: text.length });
            },
          },
        ]),
      ],
    });
  });
  afterAll(() => running.close());

  it('accepts a well-formed body within the limit', async () => {
    const answer = await send(`${running.url}/test/json`, { method: 'POST', body: '{"text":"hello"}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ echo: { text: 'hello' } });
  });

  it.each(['{"text":', 'not json at all', '', '\u0000\u0001'])(
    'answers 400 to a malformed body %j',
    async (body) => {
      const answer = await send(`${running.url}/test/json`, { method: 'POST', body });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({ error: 'request body is not valid JSON' });
    },
  );

  it('keeps a malformed body out of the logs (the JSON parser quotes it)', async () => {
    const body = 'my phone number is 250 555 0199 {';
    expect((await send(`${running.url}/test/json`, { method: 'POST', body })).status).toBe(400);
    expect(logs.raw()).not.toContain('555 0199');
  });

  it('answers 413 from Content-Length alone, before reading the body', async () => {
    const declared = 50 * 1024 * 1024;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${running.url}/test/json`,
        { method: 'POST', headers: { 'content-length': String(declared) } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      // Only the first bytes are ever sent: the answer must not wait for the other 50 MB.
      req.write('{"text":"');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: `request body is over ${LIMIT} bytes` });
    expect(seen.at(-1)?.buffered).toBeUndefined();
  });

  it('answers 413 to a streamed body once it passes the limit, and reads no further', async () => {
    const answer = await streamHugeBody(`${running.url}/test/json`, 20 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    const record = seen.at(-1)!;
    expect(record.buffered).toBeUndefined();
    // One socket read (64 KiB) past a 4 KiB limit at most; the client had pushed far more by then.
    expect(record.socketRead).toBeLessThanOrEqual(LIMIT + 64 * 1024 + 1024);
    expect(answer.sent).toBeGreaterThan(record.socketRead);
  });

  it('closes the connection when a route sends its own 413, so the rest of the body is dropped unread', async () => {
    const answer = await streamHugeBody(`${running.url}/test/raw`, 20 * 1024 * 1024);
    expect(answer).toMatchObject({ status: 413, connection: 'close' });
    expect(JSON.parse(answer.body)).toEqual({ error: 'too large for this channel' });
  });

  it('still serves after all that', async () => {
    expect((await send(`${running.url}/healthz`)).status).toBe(200);
  });
});
