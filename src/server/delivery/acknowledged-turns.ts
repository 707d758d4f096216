import type { ClaimStore, JournalStore } from '../../core/state/conversation-store';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { adoptEvery, whileNoted, type JournalUse } from './journal-steps';

/**
 * What a channel that acknowledges before it answers (Slack, Teams) supplies: its name, how a turn is
 * noted and read back, and how an adopted turn is answered. Everything else is the same for every channel.
 */
export interface AcknowledgedChannel<T> {
  /** "slack", "teams": the prefix of its journal ids, and the name in its log lines. */
  name: string;
  /** How long a delivery is remembered: longer than the platform keeps sending it again. */
  claimSeconds: number;
  /** The claim key of a delivery id (kept as each channel always named it, so replicas of two versions agree). */
  claimKey(id: string): string;
  /** The turn as the journal keeps it (JSON-able), with personal information already replaced. */
  note(turn: T): unknown;
  /** A noted turn read back, or undefined when it is not one. */
  readNote(value: unknown): T | undefined;
  /** Answers a turn another replica noted and never finished (the channel opens the conversation again). */
  answerAdopted(turn: T): Promise<void>;
}

/** The channel's store (claims, journal), its logger and the server's counters. */
export interface DeliveryDeps {
  store: ClaimStore & JournalStore;
  logger: Logger;
  metrics?: Pick<Metrics, 'dedupeHits' | 'storeErrors'>;
}

/** One channel's acknowledge-first delivery: see createAcknowledgedTurns. */
export interface AcknowledgedTurns<T> {
  /**
   * True for the first delivery of `id` to reach any replica. A retry of an event whose first delivery
   * never arrived is the first to claim it, so it is answered; a retry of one being answered is not.
   */
  claim(id: string | undefined): Promise<boolean>;
  /**
   * Runs `answer` with the turn noted in the store's journal (Redis only) and crosses it off once answered.
   * The platform has its acknowledgement and never sends the turn again: if this replica stops before
   * answering, another one finds the note and answers instead. An `answer` that throws leaves the note.
   */
  whileNoted(id: string | undefined, turn: T, answer: () => Promise<void>): Promise<void>;
  /** Claim, then answer noted: a delivery already claimed is dropped. */
  deliver(id: string | undefined, turn: T, answer: () => Promise<void>): Promise<void>;
  /** Looks for turns of stopped replicas every `journal.checkEveryMs` and answers them; returns the stop. */
  adoptOrphans(): () => void;
}

/** Claim-based dedupe, the replica journal and adoption, shared by the channels that acknowledge first. */
export function createAcknowledgedTurns<T>(
  { store, logger, metrics }: DeliveryDeps,
  channel: AcknowledgedChannel<T>,
): AcknowledgedTurns<T> {
  const { name } = channel;
  const use: JournalUse = {
    journal: store.journal,
    prefix: `${name}:`,
    onStoreError(error, message) {
      metrics?.storeErrors.inc();
      logger.warn({ err: { name: (error as Error)?.name } }, message);
    },
  };

  async function claim(id: string | undefined): Promise<boolean> {
    if (!id) return true;
    try {
      const first = await store.claim(channel.claimKey(id), channel.claimSeconds);
      if (!first) {
        metrics?.dedupeHits.inc();
        logger.info({ id }, `${name} delivery already answered`);
      }
      return first;
    } catch (error) {
      // Without the store a retry may be answered twice; that beats answering nothing.
      use.onStoreError(error, `${name} delivery claim failed`);
      return true;
    }
  }

  const noted = (id: string | undefined, turn: T, answer: () => Promise<void>) =>
    whileNoted(use, id, () => JSON.stringify(channel.note(turn)), answer);

  return {
    claim,
    whileNoted: noted,
    async deliver(id, turn, answer) {
      if (await claim(id)) await noted(id, turn, answer);
    },
    adoptOrphans: () =>
      adoptEvery(use, async ({ id, payload }) => {
        const turn = readNote(channel, payload);
        logger.warn({ id, answered: !!turn }, `${name} turn adopted from a stopped replica`);
        if (turn) await channel.answerAdopted(turn);
      }),
  };
}

function readNote<T>(channel: AcknowledgedChannel<T>, payload: string): T | undefined {
  try {
    return channel.readNote(JSON.parse(payload));
  } catch {
    return undefined;
  }
}
