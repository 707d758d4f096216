import { z } from 'zod';
import { withTextRedacted } from '../../core/state/turn-journal';
import { createAcknowledgedTurns, type AcknowledgedTurns } from '../../server/delivery/acknowledged-turns';
import type { Turn } from './to-inbound';
import { answer, type SlackDeps } from './turns';

// Slack retries an event three times within about five minutes; ten minutes covers them twice over, and
// a busy single process (memory store) keeps no more claims than that.
const EVENT_CLAIM_SECONDS = 10 * 60;

// What is noted for a turn: where to answer, and the message with personal information already replaced,
// as the core would see it anyway.
const notedTurn = z.object({
  inbound: z.object({
    channel: z.literal('slack'),
    conversation: z.string(),
    user: z.string(),
    text: z.string().optional(),
  }),
  place: z.object({ channel: z.string(), threadTs: z.string().optional() }),
});

/**
 * Slack's events, answered after Bolt's ack: one answer per event id across replicas, noted in the journal
 * as `slack:<event id>` while it runs, and answered by another replica if this one stops first.
 */
export function slackTurns(deps: SlackDeps): AcknowledgedTurns<Turn> {
  return createAcknowledgedTurns<Turn>(deps, {
    name: 'slack',
    claimSeconds: EVENT_CLAIM_SECONDS,
    claimKey: (eventId) => `slack:event:${eventId}`,
    note: ({ inbound, place }) => ({ inbound: withTextRedacted(inbound), place }),
    readNote: (value) => {
      const parsed = notedTurn.safeParse(value);
      return parsed.success ? (parsed.data as Turn) : undefined;
    },
    answerAdopted: (turn) => answer(deps, turn),
  });
}
