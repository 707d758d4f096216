import { webSetup } from '../../src/adapters/web';
import type { ConversationState } from '../../src/core/bot';
import { loadBot } from '../../src/core/load-bot';
import { createMemoryStore } from '../../src/core/state/memory-store';
import type { Inbound, Reply } from '../../src/core/types';
import { loadOperations, renderRateLimitMessage } from '../../src/ops/operations-file';
import type { CounterStore } from '../../src/core/state/conversation-store';
import { PER_ADDRESS_FACTOR, toRateKey, withRateLimit } from '../../src/ops/rate-limit';
import { sendJson } from '../../src/server/route';
import { startServer } from '../../src/server/serve';
import { postTurn } from '../adapters/web/web-server';
import { memoryLogger, send, testChannel } from '../server/helpers';

const { bot } = loadBot();
// The collection notice follows a conversation's first reply only: compare what answers the turn.
const answered = (replies: Reply[]): Reply[] => replies.filter((reply) => !reply.note);
const message = renderRateLimitMessage(loadOperations(), 3);
const turn = (
  user: string,
  text = 'who approves a new social media account?',
  channel: Inbound['channel'] = 'slack',
) => ({
  channel,
  conversation: `conversation-of-${user}`,
  user,
  text,
});

describe('withRateLimit', () => {
  it('answers up to the limit, then replies with the friendly message until the minute is over', async () => {
    let now = 1_000_000;
    // The real memory store is the counter, on a clock the test moves.
    const limited = withRateLimit(
      bot,
      createMemoryStore<ConversationState>(() => now),
      { perMinute: 3, message },
    );
    const normal = answered(await bot.handle(turn('someone-else')));
    for (let i = 0; i < 3; i++) expect(answered(await limited.handle(turn('U1')))).toEqual(normal);

    const refused = await limited.handle(turn('U1'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ kind: 'smalltalk', intro: message, passages: [], choices: [] });
    expect(refused[0]?.text).toContain(message);
    expect(message).toContain('3');

    // Others, and the same person on another channel, are not held back.
    expect(answered(await limited.handle(turn('U2')))).toEqual(normal);
    expect(answered(await limited.handle(turn('U1', undefined, 'teams')))).toEqual(normal);

    now += 59_000;
    expect((await limited.handle(turn('U1')))[0]?.intro).toBe(message);
    now += 1_000;
    expect(answered(await limited.handle(turn('U1')))).toEqual(normal);
  });

  it('keys the counter by channel and a hash of the user id, never the id itself', async () => {
    const keys: string[] = [];
    const counter: CounterStore = {
      async increment(key, windowSeconds) {
        keys.push(`${key}/${windowSeconds}`);
        return 1;
      },
    };
    await withRateLimit(bot, counter, { perMinute: 20, message }).handle(turn('U0123ABCD'));
    expect(keys).toEqual([`${toRateKey({ channel: 'slack', user: 'U0123ABCD' })}/60`]);
    expect(keys[0]).toMatch(/^rate:slack:[0-9a-f]{32}\/60$/);
    expect(keys[0]).not.toContain('U0123ABCD');
    expect(toRateKey({ channel: 'slack', user: 'U1' })).not.toBe(toRateKey({ channel: 'slack', user: 'U2' }));
  });

  it('lets the turn through, and says so, when the counter fails', async () => {
    const errors: unknown[] = [];
    const broken: CounterStore = { increment: () => Promise.reject(new Error('redis down')) };
    const limited = withRateLimit(bot, broken, { perMinute: 1, message, onError: (e) => errors.push(e) });
    const replies = answered(await limited.handle(turn('U1')));
    expect(replies).toEqual(answered(await bot.handle(turn('U1'))));
    expect(errors).toHaveLength(1);
  });

  it('is off at 0', () => {
    expect(withRateLimit(bot, createMemoryStore(), { perMinute: 0, message })).toBe(bot);
  });
});

describe('rate limit in the server', () => {
  it('uses RATE_LIMIT_PER_MINUTE and counts refused turns in the metrics', async () => {
    const running = await startServer({
      env: { PORT: '0', RATE_LIMIT_PER_MINUTE: '2' },
      logger: memoryLogger().logger,
      setups: [
        testChannel('web', (context) => [
          {
            method: 'POST',
            path: '/test/messages',
            async handle(_req, res) {
              sendJson(res, 200, await context.bot.handle(turn('W1', 'hello', 'web')));
            },
          },
        ]),
      ],
    });
    try {
      const kinds: Reply[][] = [];
      for (let i = 0; i < 3; i++)
        kinds.push(
          JSON.parse((await send(`${running.url}/test/messages`, { method: 'POST' })).body) as Reply[],
        );
      expect(kinds[2]?.[0]?.intro).toBe(renderRateLimitMessage(loadOperations(), 2));
      expect(kinds[0]?.[0]?.intro).not.toBe(kinds[2]?.[0]?.intro);
      expect(await running.metrics.rateLimited.get()).toMatchObject({
        values: [{ value: 1, labels: { channel: 'web' } }],
      });
    } finally {
      await running.close();
    }
  });

  it('the web chat also counts the address: made-up conversation ids from one client are limited', async () => {
    const running = await startServer({
      env: { PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '2' },
      setups: [webSetup],
    });
    try {
      const limitMessage = renderRateLimitMessage(loadOperations(), 2);
      const intros: string[] = [];
      // A new id every turn: the per-person counter alone never reached 2.
      for (let i = 0; i < 2 * PER_ADDRESS_FACTOR + 1; i++) {
        const { json } = await postTurn(running.url, { conversation: `rotating-id-${i}`, text: 'hello' });
        intros.push((json as { replies: Reply[] }).replies[0]!.intro ?? '');
      }
      expect(intros.filter((intro) => intro === limitMessage)).toHaveLength(1);
      expect(intros.at(-1)).toBe(limitMessage);
    } finally {
      await running.close();
    }
  });

  it('answers while the store cannot count, counting the store errors', async () => {
    const failing = Object.assign(createMemoryStore<ConversationState>(), {
      increment: () => Promise.reject(new Error('STORE_UNAVAILABLE')),
    });
    const running = await startServer({
      env: { PORT: '0', RATE_LIMIT_PER_MINUTE: '1' },
      logger: memoryLogger().logger,
      store: failing,
      setups: [
        testChannel('web', (context) => [
          {
            method: 'POST',
            path: '/test/messages',
            async handle(_req, res) {
              sendJson(res, 200, await context.bot.handle(turn('W3', 'hello', 'web')));
            },
          },
        ]),
      ],
    });
    try {
      const normal = answered(await bot.handle(turn('W3', 'hello', 'web')));
      for (let i = 0; i < 3; i++) {
        const answer = await send(`${running.url}/test/messages`, { method: 'POST' });
        expect(answered(JSON.parse(answer.body) as Reply[])).toEqual(normal);
      }
      expect((await running.metrics.storeErrors.get()).values[0]?.value).toBe(3);
    } finally {
      await running.close();
    }
  });

  it.each(['-1', '2.5', 'lots'])('stops start-up naming RATE_LIMIT_PER_MINUTE=%s', async (value) => {
    await expect(startServer({ env: { PORT: '0', RATE_LIMIT_PER_MINUTE: value } })).rejects.toMatchObject({
      name: 'ConfigError',
      variable: 'RATE_LIMIT_PER_MINUTE',
    });
  });
});
