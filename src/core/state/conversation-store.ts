/** Where conversation state lives between turns; the core sees only this. */
export interface ConversationStore<T> {
  get(key: string): Promise<T | undefined>;
  /** Saves state that expires after `ttlSeconds` without a new write. */
  set(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}
