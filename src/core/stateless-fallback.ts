import { GuidebotError } from './errors';
import type { MessagesFile } from './knowledge/schema';
import { said } from './dialogs/phrase-words';
import type { StateStore, StoreUpdate } from './state/conversation-store';
import { renderReplyText } from './reply-text';
import { simpleReply } from './turns/simple-replies';
import type { Inbound, Reply } from './types';

/**
 * `store.update`, except that when the store cannot be reached (Redis down) the turn is worked out as if the
 * conversation were new, nothing is saved, and `whileDown` decides what of that stateless result to send.
 * Any other error passes through.
 */
export function statelessWhenDown<T, R>(
  store: Pick<StateStore<T>, 'update'>,
  whileDown: (stateless: R) => R,
): (
  key: string,
  ttlSeconds: number,
  change: (current: T | undefined) => Promise<StoreUpdate<T, R>> | StoreUpdate<T, R>,
) => Promise<R> {
  return async (key, ttlSeconds, change) => {
    try {
      return await store.update(key, ttlSeconds, change);
    } catch (error) {
      if (!(error instanceof GuidebotError) || error.code !== 'STORE_UNAVAILABLE') throw error;
      return whileDown((await change(undefined)).result);
    }
  };
}

/**
 * The replies to send for a turn answered without the store: a question's answer as it is, but a turn that
 * only makes sense with the conversation's memory (a clicked or numbered choice, a dialog step) gets the
 * `storeUnavailable` message instead of a wrong answer or a dialog that could not go on. A question that
 * would also start a dialog keeps its answer; only the dialog gives way to the message.
 */
export function whileStoreDown(messages: MessagesFile, inbound: Inbound, stateless: Reply[]): Reply[] {
  const typed = said(inbound.text ?? '');
  if (inbound.choice !== undefined || /^\d+$/.test(typed)) return [simpleReply(messages.storeUnavailable)];
  const isDialog = (reply: Reply): boolean => reply.kind === 'dialog' || reply.dialog !== undefined;
  if (!stateless.some(isDialog)) return stateless;
  // The answer's own offer to start the dialog would need memory too.
  const answers = stateless.filter((reply) => !isDialog(reply)).map(withoutChoices);
  return [...answers, simpleReply(messages.storeUnavailable)];
}

function withoutChoices(reply: Reply): Reply {
  if (!reply.choices.length) return reply;
  const plain = { ...reply, choices: [] };
  return { ...plain, text: renderReplyText(plain) };
}
