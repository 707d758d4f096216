import type { TurnJournal } from './turn-journal';

/** What `update` does with the key: keep a new value, or delete it. */
export interface StoreUpdate<T, R> {
  /** The value to save; `undefined` deletes the key. */
  value: T | undefined;
  /** What `update` returns to its caller. */
  result: R;
}

/**
 * Where conversation state lives between turns; the core sees only this.
 * Implementations: memory (default, one process) and Redis (shared by replicas, survives restarts).
 * Values must survive a JSON round-trip (the Redis store keeps them as JSON). TTLs are seconds and must be
 * positive; fractions are allowed. When the backing service cannot be reached, calls reject with
 * GuidebotError 'STORE_UNAVAILABLE' within about a second instead of waiting for it.
 */
export interface ConversationStore<T> {
  get(key: string): Promise<T | undefined>;
  /** Saves state that expires after `ttlSeconds` without a new write. */
  set(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Reads, changes and writes one key so that concurrent updates of the same key (two turns of one
   * conversation, on one replica or two) run one after the other and none is lost.
   */
  update<R>(
    key: string,
    ttlSeconds: number,
    change: (current: T | undefined) => Promise<StoreUpdate<T, R>> | StoreUpdate<T, R>,
  ): Promise<R>;
  /** True for the first caller to claim `key` within `ttlSeconds` (event de-duplication); false after. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /**
   * Adds one to a fixed-window counter and returns the new count: 1 for the first call, then 2, 3, … until
   * `windowSeconds` after that first call, when the counter starts again from 1. Atomic across processes
   * (the Redis store shares it between replicas), so it serves per-user rate limits:
   * `if ((await store.increment('rate:' + user, 60)) > limit) refuse()`. Counters live apart from
   * conversation state and claims: the same key in `get`/`claim` is a different entry.
   */
  increment(key: string, windowSeconds: number): Promise<number>;
  /**
   * Turns being answered, for stores shared by replicas (Redis): a replica finishes the turns of one that
   * was killed mid-answer. Absent from the memory store, whose turns die with its process.
   */
  journal?: TurnJournal;
  /**
   * Releases the store (the Redis connection; the memory store's entries). Safe to call twice. Any call
   * after it rejects with GuidebotError 'STORE_UNAVAILABLE'.
   */
  close(): Promise<void>;
}
