import type { JournalEntry, TurnJournal } from '../../core/state/turn-journal';

/** What the journal steps need of a channel: its prefix, and how to report a store failure. */
export interface JournalUse {
  journal: TurnJournal | undefined;
  /** The channel's ids: "slack:", "teams:". */
  prefix: string;
  /** A store call failed (counted and logged by the channel, without the turn's text). */
  onStoreError(error: unknown, message: string): void;
}

/**
 * Runs `answer` with the turn noted under `<prefix><id>` (no note without a journal or an id), crossed off
 * once answered. A failed note does not stop the answer.
 */
export async function whileNoted(
  use: JournalUse,
  id: string | undefined,
  payload: () => string,
  answer: () => Promise<void>,
): Promise<void> {
  const { journal, onStoreError } = use;
  const key = `${use.prefix}${id}`;
  const noted =
    journal && id
      ? await journal.begin(key, payload()).then(
          () => true,
          (error: unknown) => (onStoreError(error, 'journal note failed; answering anyway'), false),
        )
      : false;
  await answer();
  if (noted) await journal!.end(key).catch((error: unknown) => onStoreError(error, 'journal end failed'));
}

/**
 * Every `journal.checkEveryMs`, hands each turn left under `prefix` by a stopped replica to `answer`, then
 * crosses it off; one check runs at a time. Returns the stop.
 */
export function adoptEvery(use: JournalUse, answer: (entry: JournalEntry) => Promise<void>): () => void {
  const { journal, onStoreError } = use;
  if (!journal) return () => undefined;
  let running = false;
  const check = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      for (const entry of await journal.adoptOrphans(use.prefix)) {
        await answer(entry);
        await journal.end(entry.id);
      }
    } catch (error) {
      onStoreError(error, 'journal check failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), journal.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
