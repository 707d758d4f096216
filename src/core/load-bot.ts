import { createBot, type Bot, type ConversationState } from './bot';
import { loadKnowledge } from './knowledge/load-knowledge';
import { loadOrBuildIndex, type LoadedIndex } from './search/index-file';
import type { SearchIndex } from './search/search-index';
import type { ConversationStore } from './state/conversation-store';
import { createMemoryStore } from './state/memory-store';

export interface LoadBotOptions {
  knowledgeDir?: string;
  indexPath?: string;
  store?: ConversationStore<ConversationState>;
  conversationTtlSeconds?: number;
}

export interface LoadedBot {
  bot: Bot;
  index: SearchIndex;
  indexSource: LoadedIndex['source'];
}

/** Loads and validates knowledge/, loads (or rebuilds) the index, and makes a bot over them. */
export function loadBot(options: LoadBotOptions = {}): LoadedBot {
  const kb = loadKnowledge(options.knowledgeDir);
  const { index, source } = loadOrBuildIndex(kb, options.indexPath);
  const store = options.store ?? createMemoryStore<ConversationState>();
  const bot = createBot({
    index,
    store,
    ...(options.conversationTtlSeconds && { conversationTtlSeconds: options.conversationTtlSeconds }),
  });
  return { bot, index, indexSource: source };
}
