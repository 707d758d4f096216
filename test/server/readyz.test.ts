import type { ConversationState } from '../../src/core/bot';
import { GuidebotError } from '../../src/core/errors';
import { loadBot } from '../../src/core/load-bot';
import { createMemoryStore } from '../../src/core/state/memory-store';
import { createHttpServer } from '../../src/server/http-server';
import { createReadyRoute } from '../../src/server/ready-route';
import { startServer } from '../../src/server/serve';
import { memoryLogger, send } from './helpers';

describe('GET /readyz', () => {
  it('is 200 when knowledge is loaded and the store answers, next to /healthz', async () => {
    const running = await startServer({ env: { PORT: '0' }, logger: memoryLogger().logger });
    try {
      const ready = await send(`${running.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready', guideline: { status: 'unknown' } });
      expect((await send(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('is 503 with the reason when the store fails, and 200 again once it answers', async () => {
    const store = createMemoryStore<ConversationState>();
    const get = store.get.bind(store);
    let down = true;
    store.get = async (key) => {
      if (down) throw new GuidebotError('STORE_UNAVAILABLE', 'redis://10.0.0.5:6379 is not answering');
      return get(key);
    };
    const running = await startServer({ env: { PORT: '0' }, logger: memoryLogger().logger, store });
    try {
      const notReady = await send(`${running.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(JSON.parse(notReady.body)).toMatchObject({
        status: 'not ready',
        reason: 'store unavailable (STORE_UNAVAILABLE)',
      });
      // Driver messages can name internal hosts: they stay out of a response that may be public.
      expect(notReady.body).not.toContain('10.0.0.5');
      // Liveness is separate: the process is up, only its store is not.
      expect((await send(`${running.url}/healthz`)).status).toBe(200);
      down = false;
      expect((await send(`${running.url}/readyz`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('is 503 when the store does not answer in time, and while shutting down', async () => {
    const { index } = loadBot();
    const hanging = { get: () => new Promise<undefined>(() => {}) };
    let draining = false;
    const server = createHttpServer([
      createReadyRoute({ index, store: hanging, draining: () => draining, storeTimeoutMs: 100 }),
    ]);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/readyz`;
    try {
      const slow = await send(url);
      expect(slow.status).toBe(503);
      expect(JSON.parse(slow.body).reason).toBe('store did not answer within 100 ms');
      draining = true;
      const closing = await send(url);
      expect(closing.status).toBe(503);
      expect(JSON.parse(closing.body).reason).toBe('shutting down');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
