import type { ConversationStore } from './conversation-store';

/** The default store: a Map with expiry. State is lost when the process stops. */
export function createMemoryStore<T>(now: () => number = Date.now): ConversationStore<T> {
  const entries = new Map<string, { value: T; expires: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return structuredClone(entry.value);
    },
    async set(key, value, ttlSeconds) {
      entries.set(key, { value: structuredClone(value), expires: now() + ttlSeconds * 1000 });
      if (entries.size % 1000 === 0) sweep(entries, now());
    },
    async delete(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}

/** Drops expired entries now and then, so idle conversations do not pile up. */
function sweep(entries: Map<string, { expires: number }>, time: number): void {
  for (const [key, entry] of entries) if (entry.expires <= time) entries.delete(key);
}
