import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { openAnalytics } from '../../../src/core/analytics/open-analytics';
import { createRedisAnalyticsStore, redisSalt } from '../../../src/core/analytics/redis-store';
import { makeTempDir, removeTempDirs } from '../../helpers/knowledge-copy';
import { eventAt } from './event-factory';
import { createRecordedBot, serverNotPersonal } from './helpers';

// The shared Redis on 127.0.0.1:6379; every key under a prefix unique to this run, deleted afterwards.
const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `guidebot-test:privacy:${process.pid}:${randomUUID()}:`;
let client: Redis;

beforeAll(() => {
  client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  const keys = await client.keys(`${prefix}*`);
  if (keys.length) await client.del(...keys);
  await client.quit();
  removeTempDirs();
});

describe('Redis analytics store', () => {
  it('lists a period oldest first and deletes expired events with ZREMRANGEBYSCORE', async () => {
    const store = createRedisAnalyticsStore({ redis: client, prefix: `${prefix}a:` });
    for (const at of ['2026-03-02T10:00:00Z', '2026-03-01T08:00:00Z', '2026-03-03T00:00:00Z'])
      await store.append(eventAt(at));
    // Two identical-looking events stay two (each has its own id).
    await store.append(eventAt('2026-03-01T08:00:00Z'));
    const listed = await store.list(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-03T00:00:00Z'));
    expect(listed.map((e) => e.at)).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-01T08:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ]);
    expect(await store.prune(new Date('2026-03-02T10:00:00Z'))).toBe(2);
    expect(await client.zcard(`${prefix}a:analytics:events`)).toBe(2);
  });

  it('gives every replica the same salt: the first stores it, the rest read it', async () => {
    const other = new Redis(REDIS_URL);
    const [one, two] = await Promise.all([redisSalt(client, `${prefix}s:`), redisSalt(other, `${prefix}s:`)]);
    await other.quit();
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(two).toBe(one);
  });

  it('is used when REDIS_URL is set, and holds no personal information', async () => {
    const dataDir = makeTempDir('redis-data');
    const analytics = await openAnalytics(
      { REDIS_URL, REDIS_KEY_PREFIX: `${prefix}o:`, GUIDEBOT_DATA_DIR: dataDir },
      { notPersonal: serverNotPersonal() },
    );
    const bot = createRecordedBot(analytics.store);
    await bot.handle({
      channel: 'teams',
      conversation: '19:meeting@thread.v2',
      user: '29:1AbCdEf',
      text: 'a resident posted 250-555-0199 and bob@shaw.ca in a comment, do we have to collect it under FOIPPA?',
    });
    const raw = (await client.zrange(`${prefix}o:analytics:events`, '0', '-1')).join('\n');
    expect(raw).toContain('[phone]');
    expect(raw).toContain('[email]');
    for (const secret of ['555-0199', 'bob@shaw.ca', '29:1AbCdEf', '19:meeting'])
      expect(raw).not.toContain(secret);
    // Nothing went to the data folder: no salt file, no event files.
    expect(existsSync(path.join(dataDir, 'analytics-salt'))).toBe(false);
    expect(
      existsSync(path.join(dataDir, 'analytics')) ? readdirSync(path.join(dataDir, 'analytics')) : [],
    ).toEqual([]);
    expect(await client.get(`${prefix}o:analytics:salt`)).toMatch(/^[0-9a-f]{64}$/);
    await analytics.close();
  });
});
