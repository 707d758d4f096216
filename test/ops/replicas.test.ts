import type { ConversationState } from '../../src/core/bot';
import { connectRedisStore } from '../../src/core/state/redis-store';
import type { Reply } from '../../src/core/types';
import { loadOperations, renderRateLimitMessage } from '../../src/ops/operations-file';
import { sendJson } from '../../src/server/route';
import { startServer, type RunningServer } from '../../src/server/serve';
import { deleteKeys, freePort, REDIS_URL, startRedis, uniquePrefix } from '../core/state/redis-helpers';
import { memoryLogger, send, testChannel } from '../server/helpers';

/** A replica: its own server and its own connection to Redis, under the prefix replicas share. */
async function startReplica(prefix: string, url = REDIS_URL): Promise<RunningServer> {
  return startServer({
    env: { PORT: '0', RATE_LIMIT_PER_MINUTE: '2' },
    logger: memoryLogger().logger,
    store: await connectRedisStore<ConversationState>({ url, prefix }),
    setups: [
      testChannel('web', (context) => [
        {
          method: 'POST',
          path: '/test/messages',
          async handle(_req, res) {
            const turn = { channel: 'web' as const, conversation: 'c', user: 'same-person', text: 'hello' };
            sendJson(res, 200, await context.bot.handle(turn));
          },
        },
      ]),
    ],
  });
}

describe('two replicas on one Redis', () => {
  const prefix = uniquePrefix('ops-replicas');
  afterAll(() => deleteKeys(prefix));

  it('share the per-user rate limit', async () => {
    const [a, b] = [await startReplica(prefix), await startReplica(prefix)];
    try {
      const ask = async (server: RunningServer) =>
        (JSON.parse((await send(`${server.url}/test/messages`, { method: 'POST' })).body) as Reply[])[0]
          ?.intro;
      const limitMessage = renderRateLimitMessage(loadOperations(), 2);
      expect(await ask(a)).not.toBe(limitMessage);
      expect(await ask(b)).not.toBe(limitMessage);
      // Two messages were already counted, one on each replica: the third is refused on either.
      expect(await ask(a)).toBe(limitMessage);
      expect(await ask(b)).toBe(limitMessage);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('GET /readyz with Redis going away', () => {
  it('is 503 while Redis is down and 200 again once it is back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const running = await startReplica(uniquePrefix('ops-readyz'), redis.url);
    try {
      expect((await send(`${running.url}/readyz`)).status).toBe(200);
      await redis.stop();
      const down = await send(`${running.url}/readyz`);
      expect(down.status).toBe(503);
      expect(JSON.parse(down.body)).toMatchObject({
        status: 'not ready',
        reason: 'store unavailable (STORE_UNAVAILABLE)',
      });
      expect((await send(`${running.url}/healthz`)).status).toBe(200);

      redis = await startRedis(port);
      const deadline = Date.now() + 10_000;
      let status = 0;
      while (Date.now() < deadline && (status = (await send(`${running.url}/readyz`)).status) !== 200)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(status).toBe(200);
    } finally {
      await running.close();
      await redis.stop();
    }
  }, 30_000);
});
