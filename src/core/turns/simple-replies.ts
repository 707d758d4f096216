import { renderReplyText } from '../reply-text';
import type { Choice, Contact, Reply, ReplyKind } from '../types';
import type { DialogCatalog } from './dialog-catalog';

/** A reply in the bot's own words: an intro and, optionally, choices and contacts. */
export function simpleReply(
  intro: string,
  options: {
    kind?: ReplyKind;
    choices?: Choice[];
    contacts?: Contact[];
    sensitive?: boolean;
    note?: Reply['note'];
  } = {},
): Reply {
  const reply: Reply = {
    kind: options.kind ?? 'smalltalk',
    ...(options.note && { note: options.note }),
    text: '',
    intro,
    passages: [],
    citations: [],
    choices: options.choices ?? [],
    contacts: options.contacts ?? [],
    ...(options.sensitive && { sensitive: true }),
  };
  return { ...reply, text: renderReplyText(reply) };
}

/**
 * An answer as the person gets it: with feedback buttons, marked sensitive on privacy and incident topics,
 * and offering to walk through the dialogs its sections belong to (`extra` choices come first).
 */
export function decorateAnswer(
  catalog: DialogCatalog,
  reply: Reply,
  extra: Choice[] = [],
  except?: string,
): Reply {
  if (reply.kind !== 'answer') return reply;
  const decorated: Reply = {
    ...reply,
    choices: [...extra, ...reply.choices, ...catalog.offersFor(reply.citations, except)],
    feedback: true,
    ...(catalog.isSensitive(reply.citations) && { sensitive: true }),
  };
  return { ...decorated, text: renderReplyText(decorated) };
}
