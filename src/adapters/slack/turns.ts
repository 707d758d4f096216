import { rememberQuestion } from './button-questions';
import type { Bot } from '../../core/bot';
import type { ClaimStore, JournalStore, StateStore } from '../../core/state/conversation-store';
import type { Inbound, Reply } from '../../core/types';
import type { Metrics } from '../../server/metrics';
import type { Logger } from '../../server/logger';
import type { SlackMessage } from './blocks';
import type { Outbox } from './outbox';
import { renderPlain, renderPrivateOffer, type RenderOptions } from './render';
import { isDirect, type Place, type Turn } from './to-inbound';

// Slack retries an event three times within about five minutes; ten minutes covers them twice over, and
// a busy single process (memory store) keeps no more claims than that.
const EVENT_CLAIM_SECONDS = 10 * 60;

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

/**
 * True for the first delivery of an event to reach any replica. A retry of an event whose first delivery
 * never arrived is the first to claim it, so it is answered; a retry of one being answered is not.
 */
export async function claimEvent(deps: SlackDeps, eventId: unknown, retryNum: unknown): Promise<boolean> {
  if (typeof eventId !== 'string' || !eventId) return true;
  try {
    const first = await deps.store.claim(`slack:event:${eventId}`, EVENT_CLAIM_SECONDS);
    if (!first) {
      deps.metrics?.dedupeHits.inc();
      deps.logger.info({ eventId, retryNum }, 'slack event already answered');
    }
    return first;
  } catch (error) {
    deps.metrics?.storeErrors.inc();
    // Without the store a retry may be answered twice; that beats answering nothing.
    deps.logger.warn({ err: { name: (error as Error)?.name } }, 'slack event claim failed');
    return true;
  }
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

export async function postReplies(
  deps: SlackDeps,
  place: Place,
  replies: Reply[] | undefined,
  question: string,
) {
  if (!replies) return deps.outbox.post(place, [renderPlain(deps.fallbackText)]);
  for (const reply of replies) {
    if (reply.sensitive && !isDirect(place.channel))
      return deps.outbox.post(place, [renderPrivateOffer(await rememberQuestion(deps.store, question))]);
    await deps.outbox.post(place, deps.render(reply));
  }
}
