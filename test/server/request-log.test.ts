import { ConfigError } from '../../src/core/errors';
import { readJsonBody } from '../../src/server/read-body';
import { sendJson } from '../../src/server/route';
import { startServer, type RunningServer } from '../../src/server/serve';
import { memoryLogger, send, testChannel } from './helpers';

const SECRET_TEXT = 'my manager Jane Doe said I could post her phone number';
const SECRET_TOKEN = 'xoxb-1234-secret-token';

describe('request logs', () => {
  let running: RunningServer;
  let logs: ReturnType<typeof memoryLogger>;

  beforeAll(async () => {
    logs = memoryLogger();
    running = await startServer({
      env: { PORT: '0' },
      logger: logs.logger,
      setups: [
        testChannel('web', (context) => [
          {
            method: 'POST',
            path: '/test/messages',
            async handle(req, res) {
              const body = (await readJsonBody(req)) as { text: string };
              // A careless adapter logging the turn: the logger must keep the text and token out.
              context.logger?.info(
                { text: body.text, token: SECRET_TOKEN, inbound: { text: body.text }, headers: req.headers },
                'turn received',
              );
              const replies = await context.bot.handle({
                channel: 'web',
                conversation: 'c1',
                user: 'u1',
                text: body.text,
              });
              sendJson(res, 200, { replies });
            },
          },
        ]),
      ],
    });
  });
  afterAll(() => running.close());

  it('writes one JSON line per request with id, method, path, status and duration, and no text or token', async () => {
    const answer = await send(`${running.url}/test/messages?token=${SECRET_TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET_TOKEN}` },
      body: JSON.stringify({ text: SECRET_TEXT }),
    });
    expect(answer.status).toBe(200);
    const reqId = answer.headers['x-request-id'];
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);

    const raw = logs.raw();
    expect(raw).not.toContain('Jane Doe');
    expect(raw).not.toContain(SECRET_TOKEN);

    const turn = logs.lines().find((line) => line.msg === 'turn received');
    // The adapter's own line carries the request id without passing it, and its fields are blanked.
    expect(turn).toMatchObject({
      reqId,
      text: '[redacted]',
      token: '[redacted]',
      inbound: { text: '[redacted]' },
    });
    expect((turn?.headers as Record<string, unknown>).authorization).toBe('[redacted]');

    const request = logs.lines().find((line) => line.msg === 'request' && line.reqId === reqId);
    expect(request).toMatchObject({
      level: 30,
      service: 'guidebot',
      method: 'POST',
      path: '/test/messages',
      route: '/test/messages',
      channel: 'web',
      status: 200,
    });
    expect(request?.durationMs).toEqual(expect.any(Number));
    expect(request?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('echoes a sane incoming x-request-id and replaces one that is not', async () => {
    const sane = await send(`${running.url}/healthz`, { headers: { 'x-request-id': 'lb-7f3a.42:1' } });
    expect(sane.headers['x-request-id']).toBe('lb-7f3a.42:1');

    for (const bad of ['has spaces in it', 'x'.repeat(200), '<script>', 'a"b']) {
      const answer = await send(`${running.url}/healthz`, { headers: { 'x-request-id': bad } });
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs unknown paths under one route label', async () => {
    const answer = await send(`${running.url}/wp-admin/setup.php`);
    expect(answer.status).toBe(404);
    const line = logs.lines().find((l) => l.reqId === answer.headers['x-request-id']);
    expect(line).toMatchObject({ route: 'unmatched', status: 404, path: '/wp-admin/setup.php' });
  });

  it('logs a failed handler without the secrets an SDK error carries', () => {
    const sdkError = Object.assign(new Error('Request failed with status code 429'), {
      code: 'slack_webapi_rate_limited',
      config: { headers: { Authorization: `Bearer ${SECRET_TOKEN}` }, data: SECRET_TEXT },
    });
    logs.logger.error({ err: sdkError }, 'request failed');
    const line = logs.lines().at(-1);
    expect(line).toMatchObject({
      msg: 'request failed',
      err: {
        type: 'Error',
        message: 'Request failed with status code 429',
        code: 'slack_webapi_rate_limited',
      },
    });
    expect(JSON.stringify(line)).not.toContain(SECRET_TOKEN);
    expect(JSON.stringify(line)).not.toContain('Jane Doe');
  });
});

describe('LOG_LEVEL', () => {
  it('sets the level', () => {
    const logs = memoryLogger({ LOG_LEVEL: 'warn' });
    logs.logger.info('not shown');
    logs.logger.warn('shown');
    expect(logs.lines().map((line) => line.msg)).toEqual(['shown']);
  });

  it('stops start-up naming LOG_LEVEL when the value is not a level', async () => {
    expect(() => memoryLogger({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    await expect(startServer({ env: { PORT: '0', LOG_LEVEL: 'verbose' } })).rejects.toMatchObject({
      variable: 'LOG_LEVEL',
      message: expect.stringContaining('leave it unset for info'),
    });
  });
});
