import type { BaseConfig } from '../config';
import type { ConversationState } from '../core/bot';
import type { ConversationStore } from '../core/state/conversation-store';
import { createMemoryStore } from '../core/state/memory-store';

/** The in-memory store by default; Redis (shared by replicas, survives restarts) when REDIS_URL is set. */
export async function createStore(config: BaseConfig): Promise<ConversationStore<ConversationState>> {
  if (config.REDIS_URL) throw new Error('REDIS_URL is set but the Redis store is not built yet');
  return createMemoryStore<ConversationState>();
}
