import type { RecordStamp } from '../dialogs/record-stamp';
import type { DialogState, StepStatus } from '../dialogs/types';
import type { SearchIndex } from '../search/search-index';
import type { TurnEvent } from '../turn-event';
import type { Choice, Reply } from '../types';
import type { Reading, Understanding } from '../understand/understand';
import type { DialogCatalog } from './dialog-catalog';

/** A dialog left for another one: where it stood, and its title for the "Back to" choice. */
export type PausedDialog = DialogState & { title: string };

/** What the bot remembers of a conversation between turns. Plain JSON: it may be kept in Redis. */
export interface ConversationState {
  /** The last question asked, to answer a "did you mean" section choice in its light. */
  lastQuestion?: string;
  /** The bot's reply to it in one line (sections quoted, or no answer), for escalation summaries. */
  lastReply?: string;
  /** Choices offered by the last reply, so a typed number or label selects one. */
  offered: Choice[];
  /** The guided dialog in progress, if any. */
  dialog?: DialogState;
  /** A dialog left for another one, its answers kept, until "Back to" returns to it. */
  paused?: PausedDialog;
  /**
   * The dialog that ended on the last turn, without any free text: "back", "start over" and "cancel" on the
   * next turn act on it, and an incident's numbers come with any follow-up. Kept for one turn only.
   */
  finished?: DialogState;
  /**
   * True while a dialog started from a question's words has not been answered yet: the next message may
   * simply be another question, and then the dialog steps aside instead of asking again.
   */
  tentative?: boolean;
  /** What "send" would forward, after the person asked for a person. */
  escalation?: string;
  /** Who was offered it (a hash of their user id): in a shared thread only they may send it. */
  escalationBy?: string;
}

/** What every turn handler needs. */
export interface TurnContext {
  index: SearchIndex;
  catalog: DialogCatalog;
  /** What the model makes of a text: the one step that decides what a message wants. Remembered, frozen. */
  understand(text: string): Understanding;
  /** The model's raw reading of a text, every passage scored: a picked section quotes what fits the question. */
  read(text: string): Reading;
  /** The reply to a text as a question (passages or the fallback), remembered; frozen, so decorate a copy. */
  answer(question: string): Reply;
  /** decorateAnswer without extras: remembered (and frozen) for a remembered, frozen reply. */
  decorate(reply: Reply): Reply;
  /** This turn's time in the guideline's time zone, and an id, for a decision record. */
  stamp: RecordStamp;
}

/** A handled turn: the state to keep, the replies, and what observers are told. */
export interface TurnResult {
  state: ConversationState;
  replies: Reply[];
  event: Pick<TurnEvent, 'dialog' | 'feedback' | 'escalation'>;
  /** Free text typed into a dialog: removed from what observers see. */
  privateText: string[];
  /** What the dialog engine made of the turn, when it ran. */
  status?: StepStatus;
  /** The summary the person agreed to send: bot.ts forwards it through the configured sink. */
  forward?: string;
  /** The dialog answer the turn gave (which branch it took), without its free text. */
  answer?: { dialog: string; step: string; option: string };
}

/** The state after `replies`: numbers and labels typed next turn select the last reply's choices. */
export function nextState(
  state: ConversationState,
  replies: Reply[],
  change: Partial<ConversationState> = {},
): ConversationState {
  // A pending escalation lasts one turn: only the reply right after it offers to send.
  // Its owner too: routeTurn stamps whoever this turn's new offer is for.
  const next: ConversationState = {
    ...state,
    escalation: undefined,
    finished: undefined,
    escalationBy: undefined,
    ...change,
    offered: replies[replies.length - 1]?.choices ?? [],
  };
  if (next.dialog === undefined) delete next.dialog;
  if (!next.dialog || !next.tentative) delete next.tentative;
  if (next.escalation === undefined) delete next.escalation;
  if (next.finished === undefined) delete next.finished;
  if (next.paused === undefined) delete next.paused;
  if (next.escalationBy === undefined) delete next.escalationBy;
  return next;
}
