import { createBot, type Bot, type ConversationState } from './bot';
import type { EscalationSink } from './escalation-sink';
import { loadKnowledge, type KnowledgeBase } from './knowledge/load-knowledge';
import type { NotPersonal } from './privacy/detect-identifiers';
import { notPersonalFrom } from './privacy/not-personal';
import { loadPrivacyKnowledge, type PrivacyKnowledge } from './privacy/privacy-file';
import { withPrivacy } from './privacy/with-privacy';
import { loadOrBuildIndex, type LoadedIndex } from './search/index-file';
import type { SearchIndex } from './search/search-index';
import type { ClaimStore, CounterStore, StateStore } from './state/conversation-store';
import { createMemoryStore } from './state/memory-store';
import { loadOrTrainModel, modelPathBeside } from './understand/model-file';
import { createUnderstander, type Understander } from './understand/understand';
import type { TurnObserver } from './turn-event';

/** How long analytics keep a question when nothing else is configured (said in the collection notice). */
const DEFAULT_RETENTION_DAYS = 90;

/** Every knowledge file, validated, and the contact details that are not personal information. */
interface LoadedKnowledge {
  kb: KnowledgeBase;
  privacy: PrivacyKnowledge;
  /** The allow-list every redaction uses (the guard's and analytics'), so both keep the same numbers. */
  notPersonal: NotPersonal;
}

export function loadAllKnowledge(
  knowledgeDir?: string,
  kb: KnowledgeBase = loadKnowledge(knowledgeDir),
): LoadedKnowledge {
  const privacy = loadPrivacyKnowledge(knowledgeDir);
  return { kb, privacy, notPersonal: notPersonalFrom(privacy, kb) };
}

interface LoadBotOptions {
  knowledgeDir?: string;
  /** Knowledge already loaded (the server loads it first: analytics need its allow-list); else read from knowledgeDir. */
  knowledge?: LoadedKnowledge;
  indexPath?: string;
  /** Conversation state, the claim that gives the collection notice once, escalation counters (default: in memory). */
  store?: StateStore<ConversationState> & ClaimStore & CounterStore;
  conversationTtlSeconds?: number;
  /** Told about every turn, with the question already redacted (analytics, metrics). */
  observe?: TurnObserver;
  /** Said in the collection notice; the analytics retention period. */
  retentionDays?: number;
  /** Where confirmed escalations go; without it the person gets the email address and the text. */
  escalate?: EscalationSink;
  /** The guideline's time zone, for decision records (config TIME_ZONE). */
  timeZone?: string;
  /** False when the channel gives the collection notice itself (the terminal). */
  collectionNotice?: boolean;
}

export interface LoadedBot {
  bot: Bot;
  index: SearchIndex;
  /** The trained model's reading of messages (for the eval and owners' tools). */
  understander: Understander;
  indexSource: LoadedIndex['source'];
}

/**
 * Loads and validates knowledge/, loads (or rebuilds) the index, and makes a bot over them. The bot every
 * channel gets is wrapped in the privacy guard: the core only ever sees redacted text.
 */
export function loadBot(options: LoadBotOptions = {}): LoadedBot {
  const { kb, privacy } = options.knowledge ?? loadAllKnowledge(options.knowledgeDir);
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
    ...(options.timeZone && { timeZone: options.timeZone }),
  });
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const bot = withPrivacy(core, privacy, {
    store,
    kb,
    retentionDays,
    ...(options.collectionNotice === false && { collectionNotice: false }),
  });
  return { bot, index, understander, indexSource: source };
}
