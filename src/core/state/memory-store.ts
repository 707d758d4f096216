import { GuidebotError } from '../errors';
import type { ConversationStore } from './conversation-store';
import { createKeyQueue } from './key-queue';
import { checkTtl } from './ttl';

interface Entry<T> {
  value: T;
  expires: number;
}

/**
 * The default store: Maps with expiry. State is lost when the process stops and is not shared with other
 * processes. `now` is the clock (milliseconds), so tests can move time on.
 */
export function createMemoryStore<T>(now: () => number = Date.now): ConversationStore<T> {
  // Values are kept as JSON text, as the Redis store keeps them: a caller changing a value it read or wrote
  // changes nothing stored, and text is cheaper to copy in and out than a structured clone.
  const entries = new Map<string, Entry<string>>();
  const claims = new Map<string, Entry<true>>();
  const counters = new Map<string, Entry<number>>();
  const queue = createKeyQueue();
  let closed = false;
  let sweptAt = now();

  const open = (): void => {
    if (closed) throw new GuidebotError('STORE_UNAVAILABLE', 'The memory store is closed.');
  };
  const live = <V>(map: Map<string, Entry<V>>, key: string): Entry<V> | undefined => {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expires > now()) return entry;
    map.delete(key);
    return undefined;
  };
  const put = <V>(map: Map<string, Entry<V>>, key: string, value: V, ttlSeconds: number): void => {
    const time = now();
    map.set(key, { value, expires: time + ttlSeconds * 1000 });
    // Expired entries go in one pass every few seconds: a pass per insert (or per thousand) would cost more
    // the more is stored, and every Slack or Teams event leaves a claim for ten minutes.
    if (time - sweptAt >= SWEEP_EVERY_MS) {
      sweptAt = time;
      for (const stored of [entries, claims, counters]) sweep(stored, time);
    }
  };
  const read = (key: string): T | undefined => {
    const entry = live(entries, key);
    return entry && (JSON.parse(entry.value) as T);
  };
  const write = (key: string, value: T, ttlSeconds: number): void =>
    put(entries, key, JSON.stringify(value), ttlSeconds);

  return {
    async get(key) {
      open();
      return read(key);
    },
    async set(key, value, ttlSeconds) {
      open();
      checkTtl(ttlSeconds);
      write(key, value, ttlSeconds);
    },
    async delete(key) {
      open();
      entries.delete(key);
    },
    async update(key, ttlSeconds, change) {
      open();
      checkTtl(ttlSeconds);
      return queue.run(key, async () => {
        open();
        const { value, result } = await change(read(key));
        if (value === undefined) entries.delete(key);
        else write(key, value, ttlSeconds);
        return result;
      });
    },
    async claim(key, ttlSeconds) {
      open();
      checkTtl(ttlSeconds);
      if (live(claims, key)) return false;
      put(claims, key, true, ttlSeconds);
      return true;
    },
    async increment(key, windowSeconds) {
      open();
      checkTtl(windowSeconds);
      const entry = live(counters, key);
      // The window starts with the first count and is not extended by later ones (as Redis EXPIRE NX).
      if (entry) return ++entry.value;
      put(counters, key, 1, windowSeconds);
      return 1;
    },
    async close() {
      closed = true;
      entries.clear();
      claims.clear();
      counters.clear();
    },
  };
}

const SWEEP_EVERY_MS = 10_000;

/** Drops expired entries, so idle conversations and old claims do not pile up. */
function sweep(map: Map<string, { expires: number }>, time: number): void {
  for (const [key, entry] of map) if (entry.expires <= time) map.delete(key);
}
