import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { createBot } from '../../src/core/bot';
import { loadBot } from '../../src/core/load-bot';
import { createMemoryStore } from '../../src/core/state/memory-store';
import type { Reply } from '../../src/core/types';
import { sendJson } from '../../src/server/route';
import { startServer, type RunningServer } from '../../src/server/serve';
import { createMetricsObserver } from '../../src/server/turn-metrics';
import { memoryLogger, send, testChannel } from './helpers';

/** The value of one sample in Prometheus text, e.g. sample(text, 'x_total', {a: '1'}). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ? match[2].split(',') : [];
    if (wanted.length === have.length && wanted.every((label) => have.includes(label)))
      return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let running: RunningServer;
  const ask = (text: string, retry = false) =>
    send(`${running.url}/test/messages`, {
      method: 'POST',
      headers: retry ? { 'x-test-retry': '1' } : {},
      body: text,
    });

  beforeAll(async () => {
    running = await startServer({
      env: {
        PORT: '0',
        RATE_LIMIT_PER_MINUTE: '3',
        GUIDEBOT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'gb-metrics-')),
      },
      logger: memoryLogger().logger,
      setups: [
        testChannel('web', (context) => [
          {
            method: 'POST',
            path: '/test/messages',
            async handle(req, res) {
              if (req.headers['x-test-retry']) {
                context.metrics?.dedupeHits.inc();
                return sendJson(res, 200, { replies: [] });
              }
              let text = '';
              for await (const chunk of req) text += String(chunk);
              const replies = await context.bot.handle({
                channel: 'web',
                conversation: 'c',
                user: 'u',
                text,
              });
              sendJson(res, 200, { replies });
            },
          },
          {
            method: 'GET',
            path: '/test/broken',
            handle() {
              throw new Error('boom');
            },
          },
        ]),
      ],
    });
  });
  afterAll(() => running.close());

  it('counts requests by route, channel and status, dedupe hits, refused turns and answer latency', async () => {
    for (const text of ['hello', 'can we talk about court cases with the public?', 'thanks']) {
      expect((await ask(text)).status).toBe(200);
    }
    const limited = JSON.parse((await ask('one more question')).body) as { replies: Reply[] };
    expect(limited.replies[0]?.kind).toBe('smalltalk');
    await ask('hello again', true);
    expect((await send(`${running.url}/nowhere`)).status).toBe(404);
    expect((await send(`${running.url}/test/broken`)).status).toBe(500);
    expect((await send(`${running.url}/test/broken`, { method: 'POST' })).status).toBe(405);

    const answer = await send(`${running.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = answer.body;
    const requests = (labels: Record<string, string>) => sample(text, 'guidebot_http_requests_total', labels);
    expect(requests({ route: '/test/messages', channel: 'web', status: '200' })).toBe(5);
    expect(requests({ route: 'unmatched', channel: 'server', status: '404' })).toBe(1);
    expect(requests({ route: '/test/broken', channel: 'web', status: '500' })).toBe(1);
    expect(requests({ route: '/test/broken', channel: 'server', status: '405' })).toBe(1);
    expect(sample(text, 'guidebot_dedupe_hits_total')).toBe(1);
    expect(sample(text, 'guidebot_store_errors_total')).toBe(0);
    expect(sample(text, 'guidebot_rate_limited_total', { channel: 'web' })).toBe(1);
    // Three turns answered by the bot; the refused one never reached it.
    expect(sample(text, 'guidebot_answer_latency_seconds_count', { channel: 'web' })).toBe(3);
    expect(sample(text, 'guidebot_answer_latency_seconds_bucket', { channel: 'web', le: '+Inf' })).toBe(3);
    // Replies by kind, from the turn observer the server gives the bot.
    expect(sample(text, 'guidebot_replies_total', { kind: 'answer', channel: 'web' })).toBe(1);
    expect(
      sample(text, 'guidebot_replies_total', { kind: 'smalltalk', channel: 'web' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sample(text, 'guidebot_http_request_duration_seconds_count', {
        route: '/test/messages',
        channel: 'web',
      }),
    ).toBe(5);
    // Node's own process metrics come with it.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});

describe('createMetricsObserver', () => {
  it('counts the replies a real bot gives, by kind and channel', async () => {
    const registry = new Registry();
    const { index } = loadBot();
    const bot = createBot({ index, store: createMemoryStore(), observe: createMetricsObserver(registry) });
    const kinds: string[] = [];
    for (const text of [
      'hello',
      'can I post a photo of a member of the public?',
      'what is the capital of Peru?',
    ])
      for (const reply of await bot.handle({ channel: 'slack', conversation: 'c', user: 'u', text }))
        kinds.push(reply.kind);
    expect(new Set(kinds).size).toBeGreaterThan(1);

    const text = await registry.metrics();
    for (const kind of new Set(kinds))
      expect(sample(text, 'guidebot_replies_total', { kind, channel: 'slack' })).toBe(
        kinds.filter((k) => k === kind).length,
      );
    // The observer shares the registry with the server's metrics rather than clashing with them.
    expect(() => createMetricsObserver(registry)).not.toThrow();
  });
});
