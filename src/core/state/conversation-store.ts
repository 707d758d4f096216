import type { TurnJournal } from './turn-journal';

/** What `update` does with the key: keep a new value, or delete it. */
export interface StoreUpdate<T, R> {
  /** The value to save; `undefined` deletes the key. */
  value: T | undefined;
  /** What `update` returns to its caller. */
  result: R;
}

/**
 * Conversation state between turns: one JSON value per conversation, expiring after a quiet while.
 * Values must survive a JSON round-trip (the Redis store keeps them as JSON). TTLs are seconds and must be
 * positive; fractions are allowed.
 */
export interface StateStore<T> {
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
}

/** Claims: event de-duplication and things done once per conversation (the collection notice, a greeting). */
export interface ClaimStore {
  /** True for the first caller to claim `key` within `ttlSeconds`; false after. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
}

/** Counters for per-person rate limits. */
export interface CounterStore {
  /**
   * Adds one to a fixed-window counter and returns the new count: 1 for the first call, then 2, 3, … until
   * `windowSeconds` after that first call, when the counter starts again from 1. Atomic across processes
   * (the Redis store shares it between replicas): `if ((await store.increment('rate:' + user, 60)) > limit)
   * refuse()`. Counters live apart from state and claims: the same key there is a different entry.
   */
  increment(key: string, windowSeconds: number): Promise<number>;
}

/** The journal of turns being answered, kept by stores shared by replicas. */
export interface JournalStore {
  /**
   * A replica finishes the turns of one that was killed mid-answer (Redis). Absent from the memory store,
   * whose turns die with its process.
   */
  journal?: TurnJournal;
}

/**
 * One backing store doing the four jobs above: memory (default, one process) or Redis (shared by replicas,
 * survives restarts). The server opens one and each use names only the job it needs. When the backing
 * service cannot be reached, calls reject with GuidebotError 'STORE_UNAVAILABLE' within about a second
 * instead of waiting for it.
 */
export interface ConversationStore<T> extends StateStore<T>, ClaimStore, CounterStore, JournalStore {
  /**
   * Releases the store (the Redis connection; the memory store's entries). Safe to call twice. Any call
   * after it rejects with GuidebotError 'STORE_UNAVAILABLE'.
   */
  close(): Promise<void>;
}
