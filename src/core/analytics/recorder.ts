import type { NotPersonal } from '../privacy/detect-identifiers';
import type { TurnObserver } from '../turn-event';
import { retentionCutoff, type AnalyticsStore } from './analytics-store';
import { toAnalyticsEvent } from './to-event';

/** What the analytics recorder needs. */
interface RecorderOptions {
  store: AnalyticsStore;
  /** Secret salt for hashing user and conversation ids. */
  salt: string;
  retentionDays: number;
  clock?: () => Date;
  /** Contact details that are not personal (from privacy.yaml and contacts.yaml): the guard's allow-list. */
  notPersonal: NotPersonal;
  /** How often writes also delete expired events (default hourly; the first write always does). */
  pruneEveryMs?: number;
}

/** A TurnObserver that keeps one redacted, pseudonymous event per turn and deletes expired ones. */
export function createAnalyticsRecorder(options: RecorderOptions): TurnObserver {
  const {
    store,
    salt,
    retentionDays,
    clock = () => new Date(),
    notPersonal,
    pruneEveryMs = 60 * 60 * 1000,
  } = options;
  let prunedAt = Number.NEGATIVE_INFINITY;
  return async (turn) => {
    await store.append(toAnalyticsEvent(turn, salt, notPersonal));
    const now = clock();
    if (now.getTime() - prunedAt >= pruneEveryMs) {
      prunedAt = now.getTime();
      await store.prune(retentionCutoff(now, retentionDays));
    }
  };
}
