import type { Inbound, Reply } from './types';

/**
 * What happened in one turn, handed to observers (analytics, metrics) after the reply is made.
 * `inbound.text` is the raw message: observers must redact it before keeping anything.
 */
export interface TurnEvent {
  at: Date;
  inbound: Inbound;
  replies: Reply[];
  /** Section ids the replies cite, in order. */
  sectionIds: string[];
  /** The dialog the turn was in, and its outcome id when the turn ended it. */
  dialog?: { id: string; outcome?: string };
  feedback?: 'helpful' | 'not-helpful';
  /** True when the person asked for a human or confirmed forwarding the question. */
  escalation?: boolean;
}

/** Called once per turn; must not throw into the turn (the bot catches and ignores observer errors). */
export type TurnObserver = (event: TurnEvent) => void | Promise<void>;
