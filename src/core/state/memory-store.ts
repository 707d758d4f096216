import type { ConversationStore } from './conversation-store';

interface Entry<T> {
  value: T;
  expires: number;
}

/** The default store: Maps with expiry. State is lost when the process stops. */
export function createMemoryStore<T>(now: () => number = Date.now): ConversationStore<T> {
  const entries = new Map<string, Entry<T>>();
  const claims = new Map<string, Entry<true>>();
  // The tail of each key's queue of updates: an update waits for the one before it.
  const queues = new Map<string, Promise<unknown>>();

  const read = (key: string): T | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > now()) return structuredClone(entry.value);
    entries.delete(key);
    return undefined;
  };
  const write = (key: string, value: T, ttlSeconds: number): void => {
    entries.set(key, { value: structuredClone(value), expires: now() + ttlSeconds * 1000 });
    if (entries.size % 1000 === 0) sweep(entries, now());
  };

  return {
    async get(key) {
      return read(key);
    },
    async set(key, value, ttlSeconds) {
      write(key, value, ttlSeconds);
    },
    async delete(key) {
      entries.delete(key);
    },
    update(key, ttlSeconds, change) {
      const run = async () => {
        const { value, result } = await change(read(key));
        if (value === undefined) entries.delete(key);
        else write(key, value, ttlSeconds);
        return result;
      };
      const previous = queues.get(key) ?? Promise.resolve();
      const next = previous.then(run, run);
      const tail = next.catch(() => undefined);
      queues.set(key, tail);
      void tail.then(() => {
        if (queues.get(key) === tail) queues.delete(key);
      });
      return next;
    },
    async claim(key, ttlSeconds) {
      const existing = claims.get(key);
      if (existing && existing.expires > now()) return false;
      claims.set(key, { value: true, expires: now() + ttlSeconds * 1000 });
      if (claims.size % 1000 === 0) sweep(claims, now());
      return true;
    },
    async close() {
      entries.clear();
      claims.clear();
    },
  };
}

/** Drops expired entries now and then, so idle conversations do not pile up. */
function sweep(map: Map<string, { expires: number }>, time: number): void {
  for (const [key, entry] of map) if (entry.expires <= time) map.delete(key);
}
