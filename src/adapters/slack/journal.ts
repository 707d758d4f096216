import { z } from 'zod';
import { guardPersonalInformation } from '../../core/privacy/guard';
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
export async function answerNoted(deps: SlackDeps, eventId: string | undefined, turn: Turn): Promise<void> {
  const journal = deps.store.journal;
  const id = `${JOURNAL_PREFIX}${eventId}`;
  const noted =
    journal && eventId
      ? await journal.begin(id, JSON.stringify(withoutPersonalDetails(turn))).then(
          () => true,
          (error: unknown) => storeFailed(deps, error, 'journal note failed; answering anyway'),
        )
      : false;
  await answer(deps, turn);
  if (noted) await journal!.end(id).catch((error: unknown) => storeFailed(deps, error, 'journal end failed'));
}

/** Looks for turns of stopped replicas every `journal.checkEveryMs` and answers them; returns the stop. */
export function adoptOrphanedTurns(deps: SlackDeps): () => void {
  const journal = deps.store.journal;
  if (!journal) return () => undefined;
  let running = false;
  const check = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      for (const { id, payload } of await journal.adoptOrphans(JOURNAL_PREFIX)) {
        const turn = parseTurn(payload);
        deps.logger.warn({ eventId: id, answered: !!turn }, 'slack turn adopted from a stopped replica');
        if (turn) await answer(deps, turn);
        await journal.end(id);
      }
    } catch (error) {
      storeFailed(deps, error, 'journal check failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), journal.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}

function withoutPersonalDetails({ inbound, place }: Turn): Turn {
  const text = inbound.text === undefined ? {} : { text: guardPersonalInformation(inbound.text).redacted };
  return { inbound: { ...inbound, ...text }, place };
}

function parseTurn(payload: string): Turn | undefined {
  try {
    const parsed = notedTurn.safeParse(JSON.parse(payload));
    return parsed.success ? (parsed.data as Turn) : undefined;
  } catch {
    return undefined;
  }
}

function storeFailed(deps: SlackDeps, error: unknown, message: string): false {
  deps.metrics?.storeErrors.inc();
  deps.logger.warn({ err: { name: (error as Error)?.name } }, message);
  return false;
}
