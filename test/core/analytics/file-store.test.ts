import { appendFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createFileAnalyticsStore } from '../../../src/core/analytics/file-store';
import { openAnalytics } from '../../../src/core/analytics/open-analytics';
import { ConfigError } from '../../../src/core/errors';
import { makeTempDir, removeTempDirs } from '../../helpers/knowledge-copy';
import { eventAt } from './event-factory';
import { serverNotPersonal } from './helpers';

afterAll(removeTempDirs);

describe('file analytics store', () => {
  it('lists the events of a period, oldest first, across day files', async () => {
    const dir = makeTempDir('events');
    const store = createFileAnalyticsStore(dir);
    for (const at of [
      '2026-03-02T10:00:00Z',
      '2026-03-01T23:59:59Z',
      '2026-03-03T00:00:00Z',
      '2026-03-01T00:00:00Z',
    ])
      await store.append(eventAt(at));
    expect(readdirSync(dir).sort()).toEqual([
      'events-2026-03-01.jsonl',
      'events-2026-03-02.jsonl',
      'events-2026-03-03.jsonl',
    ]);
    const listed = await store.list(new Date('2026-03-01T12:00:00Z'), new Date('2026-03-03T00:00:00Z'));
    expect(listed.map((e) => e.at)).toEqual(['2026-03-01T23:59:59.000Z', '2026-03-02T10:00:00.000Z']);
  });

  it('skips a damaged line instead of failing the report', async () => {
    const dir = makeTempDir('damaged');
    const store = createFileAnalyticsStore(dir);
    await store.append(eventAt('2026-03-01T10:00:00Z'));
    appendFileSync(path.join(dir, 'events-2026-03-01.jsonl'), '{"half a line\n{"v":2}\n');
    await store.append(eventAt('2026-03-01T11:00:00Z'));
    expect(await store.list(new Date('2026-03-01'), new Date('2026-03-02'))).toHaveLength(2);
  });

  it('deletes expired events: whole day files, and the expired part of the boundary day', async () => {
    const dir = makeTempDir('prune');
    const store = createFileAnalyticsStore(dir);
    for (const at of [
      '2026-01-01T08:00:00Z',
      '2026-01-02T08:00:00Z',
      '2026-01-02T20:00:00Z',
      '2026-01-03T08:00:00Z',
    ])
      await store.append(eventAt(at));
    expect(await store.prune(new Date('2026-01-02T12:00:00Z'))).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['events-2026-01-02.jsonl', 'events-2026-01-03.jsonl']);
    const left = await store.list(new Date('2025-01-01'), new Date('2027-01-01'));
    expect(left.map((e) => e.at)).toEqual(['2026-01-02T20:00:00.000Z', '2026-01-03T08:00:00.000Z']);
    expect(statSync(path.join(dir, 'events-2026-01-02.jsonl')).mode & 0o777).toBe(0o600);
  });
});

describe('openAnalytics (file store, from the environment)', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it('deletes events past ANALYTICS_RETENTION_DAYS at start and on write', async () => {
    const dataDir = makeTempDir('open');
    const store = createFileAnalyticsStore(path.join(dataDir, 'analytics'));
    await store.append(eventAt('2026-05-01T11:00:00Z')); // 31 days old
    await store.append(eventAt('2026-05-03T12:00:00Z')); // 29 days old
    const analytics = await openAnalytics(
      { GUIDEBOT_DATA_DIR: dataDir, ANALYTICS_RETENTION_DAYS: '30' },
      { notPersonal: serverNotPersonal(), clock: () => now },
    );
    const all = () => analytics.store.list(new Date(0), new Date('2100-01-01'));
    expect((await all()).map((e) => e.at)).toEqual(['2026-05-03T12:00:00.000Z']);
    expect(analytics.retentionDays).toBe(30);
    await analytics.close();

    // Still running two days later, the second event has expired too: the next write removes it.
    let time = now;
    const running = await openAnalytics(
      { GUIDEBOT_DATA_DIR: dataDir, ANALYTICS_RETENTION_DAYS: '30' },
      { notPersonal: serverNotPersonal(), clock: () => time },
    );
    expect(await all()).toHaveLength(1);
    time = new Date('2026-06-03T12:00:00Z');
    const inbound = { channel: 'web' as const, conversation: 'c', user: 'u', text: 'hi' };
    await running.observe({ at: time, inbound, replies: [], sectionIds: [] });
    expect((await all()).map((e) => e.at)).toEqual(['2026-06-03T12:00:00.000Z']);
    await running.close();
  });

  it('makes the salt once, readable only by the owner, and uses ANALYTICS_SALT when set', async () => {
    const dataDir = makeTempDir('salt');
    const first = await openAnalytics(
      { GUIDEBOT_DATA_DIR: dataDir },
      { notPersonal: serverNotPersonal(), clock: () => now },
    );
    const saltFile = path.join(dataDir, 'analytics-salt');
    expect(statSync(saltFile).mode & 0o777).toBe(0o600);
    const turn = {
      at: now,
      inbound: { channel: 'web' as const, conversation: 'c', user: 'same', text: 'hi' },
      replies: [],
      sectionIds: [],
    };
    await first.observe(turn);
    await first.close();
    const second = await openAnalytics(
      { GUIDEBOT_DATA_DIR: dataDir },
      { notPersonal: serverNotPersonal(), clock: () => now },
    );
    await second.observe(turn);
    const salted = await openAnalytics(
      { GUIDEBOT_DATA_DIR: dataDir, ANALYTICS_SALT: 'a-secret-from-the-vault-0123' },
      { notPersonal: serverNotPersonal(), clock: () => now },
    );
    await salted.observe(turn);
    const users = (await salted.store.list(new Date(0), new Date('2100-01-01'))).map((e) => e.user);
    expect(users[0]).toBe(users[1]);
    expect(users[2]).not.toBe(users[0]);
    await Promise.all([second.close(), salted.close()]);
  });

  it.each([
    [{ ANALYTICS_RETENTION_DAYS: 'ninety' }, 'ANALYTICS_RETENTION_DAYS', /whole number of days/],
    [{ ANALYTICS_RETENTION_DAYS: '0' }, 'ANALYTICS_RETENTION_DAYS', /whole number of days/],
    [{ ANALYTICS_SALT: 'short' }, 'ANALYTICS_SALT', /at least 16 characters/],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL', /redis:\/\//],
  ])('stops with the variable and the fix for %j', async (env, variable, fix) => {
    const error = await openAnalytics(
      { GUIDEBOT_DATA_DIR: makeTempDir('bad'), ...env },
      { notPersonal: serverNotPersonal() },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).fix).toMatch(fix);
  });
});
