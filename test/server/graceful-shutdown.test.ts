import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import type { ConversationState } from '../../src/core/bot';
import { createMemoryStore } from '../../src/core/state/memory-store';
import { startServer } from '../../src/server/serve';
import { CLI } from '../helpers/cli';
import { memoryLogger, send, sleep, testChannel } from './helpers';

/** A server whose GET /slow answers after `slowMs` (never when null), recording when things happen. */
async function startSlowServer(slowMs: number | null, env: Record<string, string> = {}) {
  const events: string[] = [];
  const started: Array<() => void> = [];
  const store = createMemoryStore<ConversationState>();
  const closeStore = store.close.bind(store);
  store.close = async () => {
    events.push('store closed');
    await closeStore();
  };
  const running = await startServer({
    env: { PORT: '0', ...env },
    logger: memoryLogger().logger,
    store,
    setups: [
      testChannel(
        'web',
        () => [
          {
            method: 'GET',
            path: '/slow',
            async handle(_req, res) {
              started.shift()?.();
              if (slowMs === null) return; // never answers
              await sleep(slowMs);
              events.push('slow request answered');
              res.end('done');
            },
          },
        ],
        {
          async stop() {
            events.push('channel stopped');
          },
        },
      ),
    ],
  });
  const inFlight = (agent?: Agent) => {
    const handled = new Promise<void>((resolve) => started.push(resolve));
    const answer = send(`${running.url}/slow`, agent ? { agent } : {});
    return { handled, answer };
  };
  return { running, events, inFlight };
}

describe('graceful shutdown', () => {
  it('finishes the request in flight, refuses new connections, then stops channels and closes the store', async () => {
    const { running, events, inFlight } = await startSlowServer(400);
    const agent = new Agent({ keepAlive: true });
    const slow = inFlight(agent);
    await slow.handled;

    const closed = running.close().then(() => events.push('close resolved'));
    await sleep(50);
    await expect(send(`${running.url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const answer = await slow.answer;
    expect(answer).toMatchObject({ status: 200, body: 'done' });
    // Keep-alive clients are told not to reuse the connection.
    expect(answer.headers.connection).toBe('close');
    await closed;
    expect(events).toEqual(['slow request answered', 'channel stopped', 'store closed', 'close resolved']);
    // Closing twice is the same shutdown, not a second one.
    await running.close();
    expect(events.filter((e) => e === 'store closed')).toHaveLength(1);
    agent.destroy();
  });

  it('cuts requests still running at SHUTDOWN_TIMEOUT_SECONDS and still closes the store', async () => {
    const { running, events, inFlight } = await startSlowServer(null, { SHUTDOWN_TIMEOUT_SECONDS: '0.3' });
    const stuck = inFlight();
    await stuck.handled;
    const before = performance.now();
    await running.close();
    const took = performance.now() - before;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(2000);
    await expect(stuck.answer).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(events).toEqual(['channel stopped', 'store closed']);
  });

  it('waits for turns a channel answers after acknowledging the request, then closes the store', async () => {
    const events: string[] = [];
    const store = createMemoryStore<ConversationState>();
    const update = store.update.bind(store);
    // A slow store write, as Redis under load: the turn outlives the request that brought it.
    store.update = async (key, ttl, change) => {
      await sleep(300);
      const result = await update(key, ttl, change);
      events.push('turn state saved');
      return result;
    };
    const closeStore = store.close.bind(store);
    store.close = async () => {
      events.push('store closed');
      await closeStore();
    };
    const running = await startServer({
      env: { PORT: '0' },
      logger: memoryLogger().logger,
      store,
      setups: [
        testChannel('web', (context) => [
          {
            method: 'POST',
            path: '/ack-then-answer',
            handle(_req, res) {
              // As Slack requires: acknowledge at once, answer afterwards.
              res.end('ack');
              events.push('acknowledged');
              const turn = { channel: 'web' as const, conversation: 'c', user: 'u', text: 'hello' };
              void context.bot.handle(turn).then(() => events.push('turn answered'));
            },
          },
        ]),
      ],
    });
    expect((await send(`${running.url}/ack-then-answer`, { method: 'POST' })).body).toBe('ack');
    await running.close();
    expect(events).toEqual(['acknowledged', 'turn state saved', 'turn answered', 'store closed']);
  });

  it('rejects a SHUTDOWN_TIMEOUT_SECONDS that is not a positive number, naming it', async () => {
    await expect(startServer({ env: { PORT: '0', SHUTDOWN_TIMEOUT_SECONDS: 'soon' } })).rejects.toMatchObject(
      {
        variable: 'SHUTDOWN_TIMEOUT_SECONDS',
      },
    );
  });

  it('`guidebot serve` drains and exits 0 on SIGTERM', async () => {
    // Run from the test's temporary working directory: the server's analytics go to ./.guidebot-data.
    const child = spawn(process.execPath, [CLI, 'serve'], {
      cwd: process.cwd(),
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /"url":"([^"]+)"/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    expect((await send(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const messages = stderr
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages.slice(-2)).toEqual(['shutting down', 'stopped']);
    await expect(send(`${url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 20_000);
});
