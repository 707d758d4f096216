import type { Reply } from '../../core/types';

/** How a channel sends the core's answer to a turn. */
export interface ReplySender {
  /** A channel or group chat: a sensitive answer is not given there. */
  shared: boolean;
  send(replies: Reply[]): Promise<void>;
  /**
   * A privacy or incident question asked in a shared conversation: the channel offers (or starts) a private
   * conversation and leaves only a short note where it was asked.
   */
  sendPrivately(replies: Reply[]): Promise<void>;
}

/** Whether an answer must continue privately: any sensitive reply in a shared conversation. */
export function continuesPrivately(replies: Reply[], shared: boolean): boolean {
  return shared && replies.some((reply) => reply.sensitive);
}

/** Sends `replies` where they were asked, or privately when `continuesPrivately` says so. */
export function sendAnswer(replies: Reply[], sender: ReplySender): Promise<void> {
  return continuesPrivately(replies, sender.shared) ? sender.sendPrivately(replies) : sender.send(replies);
}
