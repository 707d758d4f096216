import type { BaseConfig } from '../config';
import type { ConversationState } from '../core/bot';
import { ConfigError } from '../core/errors';
import type { ConversationStore } from '../core/state/conversation-store';
import { createMemoryStore } from '../core/state/memory-store';
import { connectRedisStore, type RedisStoreOptions } from '../core/state/redis-store';

/**
 * The in-memory store by default; Redis (shared by replicas, survives restarts) when REDIS_URL is set.
 * Redis is connected and pinged here, so an unreachable or wrong REDIS_URL stops start-up at once rather
 * than failing the first conversation.
 */
export async function createStore(
  config: Pick<BaseConfig, 'REDIS_URL'> & Partial<Pick<BaseConfig, 'REDIS_KEY_PREFIX'>>,
  redisOptions: Omit<RedisStoreOptions, 'url'> = {},
): Promise<ConversationStore<ConversationState>> {
  if (!config.REDIS_URL) return createMemoryStore<ConversationState>();
  try {
    return await connectRedisStore<ConversationState>({
      prefix: config.REDIS_KEY_PREFIX,
      ...redisOptions,
      url: config.REDIS_URL,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      'REDIS_URL',
      reason,
      'Start Redis there or correct REDIS_URL (for example redis://127.0.0.1:6379), or leave REDIS_URL ' +
        'unset to keep conversations in memory (one process, lost on restart).',
      { cause: error },
    );
  }
}
