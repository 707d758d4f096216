import { rememberQuestion } from './button-questions';
import type { Bot } from '../../core/bot';
import type { ClaimStore, JournalStore, StateStore } from '../../core/state/conversation-store';
import type { Inbound, Reply } from '../../core/types';
import type { Metrics } from '../../server/metrics';
import { sendAnswer } from '../../server/delivery/continue-privately';
import type { Logger } from '../../server/logger';
import type { SlackMessage } from './blocks';
import type { Outbox } from './outbox';
import { renderPlain, renderPrivateOffer, type RenderOptions } from './render';
import { isDirect, type Place, type Turn } from './to-inbound';

/** What the listeners share: the core, the outbox and the store replicas dedupe through. */
export interface SlackDeps {
  bot: Bot;
  outbox: Outbox;
  logger: Logger;
  store: ClaimStore & JournalStore & Pick<StateStore<unknown>, 'get' | 'set'>;
  /** The server's counters of retries answered by another delivery, and of store failures. */
  metrics?: Pick<Metrics, 'dedupeHits' | 'storeErrors'>;
  /** The contact line sent when the bot itself failed or a reply could not be delivered. */
  fallbackText: string;
  /** renderReply with what Slack needs from knowledge/ (the "did you mean" heading). */
  render(reply: Reply, options?: RenderOptions): SlackMessage[];
}

/** The core's replies, or undefined (logged) when it failed: the caller sends the contact fallback. */
export async function handle(deps: SlackDeps, inbound: Inbound): Promise<Reply[] | undefined> {
  try {
    const replies = await deps.bot.handle(inbound);
    deps.logger.info({ channel: 'slack', kinds: replies.map((r) => r.kind) }, 'slack turn answered');
    return replies;
  } catch (error) {
    deps.logger.error(
      { err: { name: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
      'bot failed',
    );
    return undefined;
  }
}

/**
 * Answers a turn where it was asked. A sensitive reply in a shared channel becomes a short offer to continue
 * in a direct message; the button carries an id of the question, kept redacted in the store (never the text).
 */
export async function answer(deps: SlackDeps, { inbound, place }: Turn): Promise<void> {
  const replies = await handle(deps, inbound);
  await postReplies(deps, place, replies, inbound.text ?? '');
}

/** The replies where they were asked; in a shared channel a sensitive answer only offers a direct message. */
export async function postReplies(
  deps: SlackDeps,
  place: Place,
  replies: Reply[] | undefined,
  question: string,
) {
  if (!replies) return deps.outbox.post(place, [renderPlain(deps.fallbackText)]);
  await sendAnswer(replies, {
    shared: !isDirect(place.channel),
    send: async (replies) => {
      for (const reply of replies) await deps.outbox.post(place, deps.render(reply));
    },
    sendPrivately: async () =>
      deps.outbox.post(place, [renderPrivateOffer(await rememberQuestion(deps.store, question))]),
  });
}
