import { answerQuestion, sectionReply } from './answer';
import { resolveChoice } from './choices';
import { renderReplyText } from './reply-text';
import type { SearchIndex } from './search/search-index';
import { cleanText } from './search/text';
import { looksLikeSmalltalk, matchSmalltalk, type Smalltalk } from './smalltalk';
import { statelessWhenDown, whileStoreDown } from './stateless-fallback';
import type { ConversationStore } from './state/conversation-store';
import type { TurnObserver } from './turn-event';
import type { Choice, Inbound, Reply } from './types';

/** What the bot remembers of a conversation between turns. */
export interface ConversationState {
  /** The last question asked, to answer a "did you mean" section choice in its light. */
  lastQuestion?: string;
  /** Choices offered by the last reply, so a typed number or label selects one. */
  offered: Choice[];
}

export interface Bot {
  /** The one entry every channel uses: a turn in, replies out. Never throws on user input. */
  handle(inbound: Inbound): Promise<Reply[]>;
  /**
   * What a channel shows when it is opened or installed (Slack App Home, Teams install, web page): what the
   * bot does, the guided dialogs as choices, and the collection notice.
   */
  welcome(): Reply;
}

export interface BotOptions {
  index: SearchIndex;
  store: ConversationStore<ConversationState>;
  /** Idle time after which a conversation is forgotten. */
  conversationTtlSeconds?: number;
  /** Told about every turn after it is answered (analytics, metrics). */
  observe?: TurnObserver;
}

export function createBot({ index, store, conversationTtlSeconds = 30 * 60, observe }: BotOptions): Bot {
  return {
    async handle(inbound) {
      const key = `${inbound.channel}:${inbound.conversation}`;
      const text = cleanText(inbound.text ?? '');
      // One update per turn: two turns of one conversation arriving together run one after the other.
      // With the store down, questions are still answered; turns that need memory say to try again.
      const update = statelessWhenDown(store, (r: Reply[]) => whileStoreDown(index.kb.messages, inbound, r));
      const replies = await update(key, conversationTtlSeconds, (current) => {
        const state: ConversationState = current ?? { offered: [] };
        const chosen = resolveChoice(state.offered, { ...inbound, text });
        const reply = chosen ? replyToChoice(index, chosen, state) : replyToText(index, text);
        const next: ConversationState = {
          offered: reply.choices,
          ...(chosen
            ? state.lastQuestion && { lastQuestion: state.lastQuestion }
            : text && { lastQuestion: text }),
        };
        return { value: next, result: [reply] };
      });
      await notify(observe, inbound, replies);
      return replies;
    },
    welcome() {
      const help = matchSmalltalk(index.kb.messages, 'help');
      return help ? smalltalkReply(help) : smalltalkReply({ id: 'help', reply: index.kb.messages.fallback });
    },
  };
}

function replyToText(index: SearchIndex, text: string): Reply {
  // A bare number picks nothing when no choices are on offer: say what the bot does instead of searching.
  const smalltalk = matchSmalltalk(index.kb.messages, /^\d+$/.test(text) ? '' : text);
  if (smalltalk) return smalltalkReply(smalltalk);
  const { reply } = answerQuestion(index, text);
  if (reply.kind === 'fallback') {
    const loose = looksLikeSmalltalk(index.kb.messages, text);
    if (loose) return smalltalkReply(loose);
  }
  return reply;
}

function replyToChoice(index: SearchIndex, choice: Choice, state: ConversationState): Reply {
  const [kind, id] = choice.id.split(':');
  if (kind === 'section' && id && index.sections.has(id)) return sectionReply(index, id, state.lastQuestion);
  // A choice this version no longer knows: answer its label as a question.
  return answerQuestion(index, choice.label).reply;
}

function smalltalkReply(smalltalk: Smalltalk): Reply {
  const reply: Reply = {
    kind: 'smalltalk',
    text: '',
    intro: smalltalk.reply,
    passages: [],
    citations: [],
    choices: [],
    contacts: [],
  };
  return { ...reply, text: renderReplyText(reply) };
}

/** Tells the observer about the turn; an observer's failure never reaches the person. */
async function notify(observe: TurnObserver | undefined, inbound: Inbound, replies: Reply[]): Promise<void> {
  if (!observe) return;
  const sectionIds = [...new Set(replies.flatMap((reply) => reply.citations.map((c) => c.sectionId)))];
  try {
    await observe({ at: new Date(), inbound, replies, sectionIds });
  } catch {
    // Analytics must never cost an answer.
  }
}
