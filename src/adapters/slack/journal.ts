import { z } from 'zod';
import { adoptEvery, whileNoted, withTextRedacted } from '../../core/state/turn-journal';
import { journalUse } from '../../server/journal-use';
import type { Turn } from './to-inbound';
import { answer, type SlackDeps } from './turns';

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

/** Slack's turns in the journal, shared with other channels: `slack:<event id>`. */
const JOURNAL_PREFIX = 'slack:';

/**
 * Answers a Slack event, noted in the store's journal while it runs (Redis only). Slack has its ack
 * already and never sends the event again: if this replica is killed before the answer is posted, another
 * replica finds the note and answers instead (see adoptOrphanedTurns).
 */
export function answerNoted(deps: SlackDeps, eventId: string | undefined, turn: Turn): Promise<void> {
  return whileNoted(
    journalUse(deps, JOURNAL_PREFIX),
    eventId,
    () => JSON.stringify(withoutPersonalDetails(turn)),
    () => answer(deps, turn),
  );
}

/** Looks for turns of stopped replicas every `journal.checkEveryMs` and answers them; returns the stop. */
export function adoptOrphanedTurns(deps: SlackDeps): () => void {
  return adoptEvery(journalUse(deps, JOURNAL_PREFIX), async ({ id, payload }) => {
    const turn = parseTurn(payload);
    deps.logger.warn({ eventId: id, answered: !!turn }, 'slack turn adopted from a stopped replica');
    if (turn) await answer(deps, turn);
  });
}

function withoutPersonalDetails({ inbound, place }: Turn): Turn {
  return { inbound: withTextRedacted(inbound), place };
}

function parseTurn(payload: string): Turn | undefined {
  try {
    const parsed = notedTurn.safeParse(JSON.parse(payload));
    return parsed.success ? (parsed.data as Turn) : undefined;
  } catch {
    return undefined;
  }
}
