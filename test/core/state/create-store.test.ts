import { ConfigError } from '../../../src/core/errors';
import { createStore } from '../../../src/server/create-store';
import { createLogger } from '../../../src/server/logger';
import { startServer } from '../../../src/server/serve';
import { testChannel } from '../../server/helpers';
import { deleteKeys, freePort, keysUnder, REDIS_URL, uniquePrefix } from './redis-helpers';

const prefix = uniquePrefix('create-store');
afterAll(() => deleteKeys(prefix));

const silentLogger = createLogger({ LOG_LEVEL: 'silent' });

describe('createStore', () => {
  it('without REDIS_URL keeps conversations in this process only', async () => {
    const first = await createStore({});
    await first.set('web:c1', { offered: [] }, 60);
    const second = await createStore({});
    expect(await first.get('web:c1')).toEqual({ offered: [] });
    expect(await second.get('web:c1')).toBeUndefined();
    await Promise.all([first.close(), second.close()]);
  });

  it('with REDIS_URL keeps conversations in Redis, where a restarted process finds them', async () => {
    const before = await createStore({ REDIS_URL }, { prefix });
    await before.set('slack:T1:C1', { offered: [{ id: 'section:a', label: 'A' }], lastQuestion: 'q' }, 60);
    await before.close();
    const after = await createStore({ REDIS_URL }, { prefix });
    expect(await after.get('slack:T1:C1')).toEqual({
      offered: [{ id: 'section:a', label: 'A' }],
      lastQuestion: 'q',
    });
    await after.close();
  });

  it('an unreachable REDIS_URL stops start-up naming REDIS_URL, the address and what to do', async () => {
    const port = await freePort();
    const started = Date.now();
    const error = await createStore({ REDIS_URL: `redis://user:s3cret@127.0.0.1:${port}` }).catch(
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable: 'REDIS_URL', code: 'CONFIG_INVALID' });
    const message = (error as Error).message;
    expect(message).toMatch(
      /^REDIS_URL: Cannot connect to Redis at redis:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
    expect(message).toMatch(/Start Redis there or correct REDIS_URL .* or leave REDIS_URL unset/);
    expect(message).not.toContain('s3cret');
  });

  it('the server refuses to start on an unreachable REDIS_URL, and starts and stops cleanly on a good one, its keys under REDIS_KEY_PREFIX', async () => {
    const port = await freePort();
    const env = { PORT: '0' };
    await expect(
      startServer({
        env: { ...env, REDIS_URL: `redis://127.0.0.1:${port}` },
        logger: silentLogger,
        setups: [testChannel('test', () => [])],
      }),
    ).rejects.toMatchObject({ variable: 'REDIS_URL' });
    const running = await startServer({
      env: { ...env, REDIS_URL, REDIS_KEY_PREFIX: `${prefix}server:` },
      logger: silentLogger,
      setups: [testChannel('test', () => [])],
    });
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    await running.close();
    expect(await keysUnder(`${prefix}server:`)).toContain(`${prefix}server:analytics:salt`);
  });
});
