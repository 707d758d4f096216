import { createHash } from 'node:crypto';
import type { EscalationSink } from '../escalation-sink';
import type { SearchIndex } from '../search/search-index';
import type { CounterStore } from '../state/conversation-store';
import type { Inbound } from '../types';
import { simpleReply } from './simple-replies';
import type { TurnResult } from './turn-result';

/** Escalations forwarded per hour, past which the person gets the email path instead (posts are seen by a team). */
export const ESCALATION_LIMITS = { perPerson: 3, perChannel: 30, windowSeconds: 60 * 60 } as const;

/** Who sent the turn, and the store whose counters (shared by replicas) bound the posts. */
export interface ForwardLimit {
  store: CounterStore;
  inbound: Pick<Inbound, 'channel' | 'user'>;
}

/** True when this person, or this channel as a whole, has sent its share this hour. Store down: not limited. */
async function overLimit({ store, inbound }: ForwardLimit): Promise<boolean> {
  const { perPerson, perChannel, windowSeconds } = ESCALATION_LIMITS;
  const person = createHash('sha256').update(inbound.user).digest('hex').slice(0, 24);
  try {
    const [byPerson, byChannel] = await Promise.all([
      store.increment(`escalations:${inbound.channel}:${person}`, windowSeconds),
      store.increment(`escalations:${inbound.channel}`, windowSeconds),
    ]);
    return byPerson > perPerson || byChannel > perChannel;
  } catch {
    // An escalation may be an incident report: an unreachable counter must not stop it.
    return false;
  }
}

/**
 * Sends a summary the person agreed to send through the sink, and says where it went. With no sink, or none
 * set up yet, the turn's reply stays the email address and the ready-to-paste text; when sending fails, the
 * person is told so and gets the same.
 */
export async function forwardEscalation(
  sink: EscalationSink | undefined,
  index: SearchIndex,
  result: TurnResult,
  limit?: ForwardLimit,
): Promise<TurnResult> {
  const summary = result.forward;
  const first = result.replies[0];
  if (summary === undefined || !sink || !first) return result;
  const m = index.kb.messages.escalation;
  let intro: string;
  if (limit && (await overLimit(limit))) intro = `${m.forwardLimited}\n\n${summary}`;
  else
    try {
      const sent = await sink.forward(summary);
      if (!sent) return result;
      intro = `${m.forwarded.replace('{where}', sent.where)}\n\n${summary}`;
    } catch {
      // The summary stays with the person: they can still email it.
      intro = `${m.forwardFailed}\n\n${summary}`;
    }
  const reply = simpleReply(intro, { choices: first.choices });
  return { ...result, replies: [reply, ...result.replies.slice(1)] };
}
