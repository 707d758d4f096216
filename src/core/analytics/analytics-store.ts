import type { AnalyticsEvent } from './event';

/** Where analytics events live: a local file by default, Redis when REDIS_URL is set. */
export interface AnalyticsStore {
  /** Human-readable location, for start-up logs and the report header. */
  readonly where: string;
  append(event: AnalyticsEvent): Promise<void>;
  /** Events with `since <= at < until`, oldest first. */
  list(since: Date, until: Date): Promise<AnalyticsEvent[]>;
  /** Deletes events older than `before` (retention); returns how many went. */
  prune(before: Date): Promise<number>;
  close(): Promise<void>;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest time an event may have and still be kept. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
