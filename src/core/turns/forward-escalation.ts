import type { EscalationSink } from '../escalation-sink';
import type { SearchIndex } from '../search/search-index';
import { simpleReply } from './simple-replies';
import type { TurnResult } from './turn-result';

/**
 * Sends a summary the person agreed to send through the sink, and says where it went. With no sink, or none
 * set up yet, the turn's reply stays the email address and the ready-to-paste text; when sending fails, the
 * person is told so and gets the same.
 */
export async function forwardEscalation(
  sink: EscalationSink | undefined,
  index: SearchIndex,
  result: TurnResult,
): Promise<TurnResult> {
  const summary = result.forward;
  const first = result.replies[0];
  if (summary === undefined || !sink || !first) return result;
  const m = index.kb.messages.escalation;
  let intro: string;
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
