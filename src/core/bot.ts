import { replyFor } from './answer';
import { DEFAULT_TIME_ZONE, recordStamp, type RecordStamp } from './dialogs/record-stamp';
import type { EscalationSink } from './escalation-sink';
import { rememberForFrozen } from './memo/frozen';
import { deepFreeze, rememberRecent } from './memo/recent';
import { createDialogCatalog } from './turns/dialog-catalog';
import { forwardEscalation } from './turns/forward-escalation';
import { routeTurn } from './turns/route-turn';
import { decorateAnswer, simpleReply } from './turns/simple-replies';
import type { ConversationState, TurnContext, TurnResult } from './turns/turn-result';
import { cleanText } from './search/text';
import type { SearchIndex } from './search/search-index';
import { smalltalkReply } from './smalltalk';
import { statelessWhenDown, whileStoreDown } from './stateless-fallback';
import type { CounterStore, StateStore } from './state/conversation-store';
import type { TurnObserver } from './turn-event';
import type { Inbound, Reply } from './types';
import { loadOrTrainModel } from './understand/model-file';
import { createUnderstander, type Understander, type Understanding } from './understand/understand';

export type { ConversationState } from './turns/turn-result';

export interface Bot {
  /** The one entry every channel uses: a turn in, replies out. Never throws on user input. */
  handle(inbound: Inbound): Promise<Reply[]>;
  /**
   * What a channel shows when it is opened or installed (Slack App Home, Teams install, web page): what the
   * bot does, the guided dialogs as choices, and the collection notice.
   */
  welcome(): Reply;
}

interface BotOptions {
  index: SearchIndex;
  /** The trained model over the same knowledge; by default the prebuilt one (trained now if stale). */
  understander?: Understander;
  store: StateStore<ConversationState> & CounterStore;
  /** Idle time after which a conversation, and any dialog in it, is forgotten. */
  conversationTtlSeconds?: number;
  /** Told about every turn after it is answered (analytics, metrics). */
  observe?: TurnObserver;
  /** The clock, for the date on decision records. */
  now?: () => Date;
  /** The guideline's time zone (IANA name), for the date and time on decision records. */
  timeZone?: string;
  /** Where confirmed escalations go (a team channel); without it the person gets the email address. */
  escalate?: EscalationSink;
  /**
   * How many distinct recent questions to remember the search results of (default 1000, some megabytes at
   * most). Staff ask the same questions again and again, and a loaded index gives the same words the same
   * reply; 0 searches every time (the in-process benchmark measures that).
   */
  recentQuestions?: number;
}

export function createBot({
  index,
  understander = createUnderstander(index.kb, loadOrTrainModel(index.kb).model),
  store,
  conversationTtlSeconds = 30 * 60,
  observe,
  now = () => new Date(),
  timeZone = DEFAULT_TIME_ZONE,
  escalate,
  recentQuestions = 1000,
}: BotOptions): Bot {
  const catalog = createDialogCatalog(index);
  // A turn asks about its text more than once (person? dialog? answer?): the last reading is kept.
  let last: { text: string; understood: Understanding } | undefined;
  const readOnce = (text: string): Understanding => {
    if (last?.text !== text) last = { text, understood: understander.understand(text) };
    return last.understood;
  };
  const understand = rememberRecent(recentQuestions, readOnce);
  const answer = rememberRecent(recentQuestions, (question) =>
    replyFor(index, understand(question), question),
  );
  // A remembered (frozen) reply is decorated once too, and frozen, so channels can keep its rendering.
  const decorateRemembered = rememberForFrozen((reply: Reply) => deepFreeze(decorateAnswer(catalog, reply)));
  const decorate = (reply: Reply): Reply =>
    Object.isFrozen(reply) ? decorateRemembered(reply) : decorateAnswer(catalog, reply);
  return {
    async handle(inbound) {
      const key = `${inbound.channel}:${inbound.conversation}`;
      const cleaned: Inbound = { ...inbound, text: cleanText(inbound.text ?? '') };
      // Only a turn that ends a dialog files a record: its stamp (formatted, with a random id) is made then.
      const at = now();
      let stamp: RecordStamp | undefined;
      const ctx: TurnContext = {
        index,
        catalog,
        understand,
        read: (text: string) => understander.read(text),
        answer,
        decorate,
        get stamp() {
          return (stamp ??= recordStamp(at, timeZone));
        },
      };
      // One update per turn: two turns of one conversation arriving together run one after the other.
      // With the store down, questions are still answered; turns that need memory say to try again.
      const update = statelessWhenDown(store, (turn: TurnResult) => ({
        ...turn,
        replies: whileStoreDown(index.kb.messages, inbound, turn.replies),
      }));
      const routed = await update(key, conversationTtlSeconds, (current) => {
        const turn = routeTurn(ctx, current, cleaned);
        return { value: turn.state, result: turn };
      });
      // Sent after the state is written: the network call never holds the conversation's lock.
      const result = await forwardEscalation(escalate, index, routed, { store, inbound });
      await notify(observe, inbound, result);
      return result.replies;
    },
    welcome() {
      const intro = smalltalkReply(index.kb.messages, 'help') ?? index.kb.messages.fallback;
      const list = index.kb.messages.dialogs.listIntro;
      return simpleReply(catalog.dialogs.length ? `${intro}\n\n${list}` : intro, {
        choices: catalog.startChoices(),
      });
    },
  };
}

/** Tells the observer about the turn; an observer's failure never reaches the person. */
async function notify(observe: TurnObserver | undefined, inbound: Inbound, turn: TurnResult): Promise<void> {
  if (!observe) return;
  // Free text typed into a dialog (when, where, what happened) is never handed on.
  const hide = (text: string): string =>
    turn.privateText.reduce((t, secret) => t.split(secret).join('[not kept]'), text);
  const replies = turn.privateText.length
    ? turn.replies.map(({ record: _record, ...r }) => ({
        // The record holds the free text (redacted, so not found by `hide`): observers never get it.
        ...r,
        text: hide(_record ? r.text.replace(_record, '') : r.text),
        ...(r.intro && { intro: hide(r.intro) }),
      }))
    : turn.replies;
  const withoutText = { ...inbound };
  delete withoutText.text;
  const sectionIds = [...new Set(replies.flatMap((reply) => reply.citations.map((c) => c.sectionId)))];
  // Analytics must never cost an answer, nor hold it up: a slow store (Redis not answering) is left to finish
  // or fail on its own after OBSERVER_WAIT_MS.
  const observed = Promise.resolve()
    .then(() =>
      observe({
        at: new Date(),
        inbound: turn.privateText.length ? withoutText : inbound,
        replies,
        sectionIds,
        ...turn.event,
      }),
    )
    .catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, OBSERVER_WAIT_MS)));
  await Promise.race([observed, waited]);
  clearTimeout(timer);
}

/** How long a turn waits for its analytics record before answering anyway. */
const OBSERVER_WAIT_MS = 250;
