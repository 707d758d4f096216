import { createBot, type Bot, type ConversationState } from './bot';
import type { EscalationSink } from './escalation-sink';
import { loadKnowledge } from './knowledge/load-knowledge';
import { loadPrivacyKnowledge } from './privacy/privacy-file';
import { withPrivacy } from './privacy/with-privacy';
import { loadOrBuildIndex, type LoadedIndex } from './search/index-file';
import type { SearchIndex } from './search/search-index';
import type { ConversationStore } from './state/conversation-store';
import { createMemoryStore } from './state/memory-store';
import type { TurnObserver } from './turn-event';
import { loadOrTrainModel, modelPathBeside } from './understand/model-file';
import { createUnderstander, type Understander } from './understand/understand';

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
}

export interface LoadedBot {
  bot: Bot;
  index: SearchIndex;
  /** The trained model's reading of messages (for the eval and owners' tools). */
  understander: Understander;
  indexSource: LoadedIndex['source'];
  store: ConversationStore<ConversationState>;
}

/**
 * Loads and validates knowledge/, loads (or rebuilds) the index, and makes a bot over them. The bot every
 * channel gets is wrapped in the privacy guard: the core only ever sees redacted text.
 */
export function loadBot(options: LoadBotOptions = {}): LoadedBot {
  const kb = loadKnowledge(options.knowledgeDir);
  const privacy = loadPrivacyKnowledge(options.knowledgeDir);
  const { index, source } = loadOrBuildIndex(kb, options.indexPath);
  const modelPath = options.indexPath ? modelPathBeside(options.indexPath) : undefined;
  const understander = createUnderstander(kb, loadOrTrainModel(kb, modelPath).model);
  const store = options.store ?? createMemoryStore<ConversationState>();
  const core = createBot({
    index,
    understander,
    store,
    ...(options.conversationTtlSeconds && { conversationTtlSeconds: options.conversationTtlSeconds }),
    ...(options.observe && { observe: options.observe }),
    ...(options.escalate && { escalate: options.escalate }),
  });
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const bot = withPrivacy(core, privacy, { store, kb, retentionDays });
  return { bot, index, understander, indexSource: source, store };
}
