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
  close(): Promise<void>;
}
