import { createBot, type Bot, type ConversationState } from './bot';
import type { EscalationSink } from './escalation-sink';
import { loadKnowledge, type KnowledgeBase } from './knowledge/load-knowledge';
import { loadPrivacyKnowledge } from './privacy/privacy-file';
import { withPrivacy } from './privacy/with-privacy';
import { loadOrBuildIndex, type LoadedIndex } from './search/index-file';
import type { SearchIndex } from './search/search-index';
import type { ConversationStore } from './state/conversation-store';
import { createMemoryStore } from './state/memory-store';
import type { TurnObserver } from './turn-event';

/** How long analytics keep a question when nothing else is configured (said in the collection notice). */
export const DEFAULT_RETENTION_DAYS = 90;

export interface LoadBotOptions {
  knowledgeDir?: string;
  indexPath?: string;
  store?: ConversationStore<ConversationState>;
  conversationTtlSeconds?: number;
  /** Told about every turn, with the question already redacted (analytics, metrics). */
  observe?: TurnObserver;
  /** Said in the collection notice; the analytics retention period. */
  retentionDays?: number;
  /** Where confirmed escalations go; without it the person gets the email address and the text. */
  escalate?: EscalationSink;
  /** False when the channel gives the collection notice itself (the terminal). */
  collectionNotice?: boolean;
  /** The knowledge, when the caller has loaded and checked it already (the server's start-up check). */
  kb?: KnowledgeBase;
}

export interface LoadedBot {
  bot: Bot;
  index: SearchIndex;
  indexSource: LoadedIndex['source'];
  store: ConversationStore<ConversationState>;
}

/**
 * Loads and validates knowledge/, loads (or rebuilds) the index, and makes a bot over them. The bot every
 * channel gets is wrapped in the privacy guard: the core only ever sees redacted text.
 */
export function loadBot(options: LoadBotOptions = {}): LoadedBot {
  const kb = options.kb ?? loadKnowledge(options.knowledgeDir);
  const privacy = loadPrivacyKnowledge(options.knowledgeDir);
  const { index, source } = loadOrBuildIndex(kb, options.indexPath);
  const store = options.store ?? createMemoryStore<ConversationState>();
  const core = createBot({
    index,
    store,
    ...(options.conversationTtlSeconds && { conversationTtlSeconds: options.conversationTtlSeconds }),
    ...(options.observe && { observe: options.observe }),
    ...(options.escalate && { escalate: options.escalate }),
  });
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const bot = withPrivacy(core, privacy, {
    store,
    kb,
    retentionDays,
    ...(options.collectionNotice === false && { collectionNotice: false }),
  });
  return { bot, index, indexSource: source, store };
}
