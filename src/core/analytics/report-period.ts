import { DAY_MS } from './analytics-store';

/** The period flags of `guidebot report`. */
interface PeriodFlags {
  since?: string | undefined;
  until?: string | undefined;
  days?: string | undefined;
}

const DEFAULT_REPORT_DAYS = 30;

/**
 * --days N: the last N days up to now. --since DATE [--until DATE]: whole UTC days, both included (until
 * defaults to now). Dates are YYYY-MM-DD or full ISO times. Returns the reason when the flags are wrong.
 */
export function toReportPeriod(
  flags: PeriodFlags,
  now: Date,
): { since: Date; until: Date } | { error: string } {
  if (flags.days !== undefined && (flags.since !== undefined || flags.until !== undefined))
    return { error: 'use either --days or --since/--until, not both' };
  if (flags.since === undefined && flags.until !== undefined) return { error: '--until needs --since' };
  if (flags.since === undefined) {
    const days = flags.days === undefined ? DEFAULT_REPORT_DAYS : Number(flags.days);
    if (!Number.isInteger(days) || days < 1)
      return { error: `--days must be a whole number of days, got "${flags.days}"` };
    return { since: new Date(now.getTime() - days * DAY_MS), until: now };
  }
  const since = toTime(flags.since, false);
  const until = flags.until === undefined ? now : toTime(flags.until, true);
  if (!since) return { error: `--since must be a date like 2026-01-31, got "${flags.since}"` };
  if (!until) return { error: `--until must be a date like 2026-01-31, got "${flags.until}"` };
  if (until <= since) return { error: '--until must be after --since' };
  return { since, until };
}

/** A YYYY-MM-DD day starts at 00:00 UTC; as an end it includes the whole day. */
function toTime(value: string, end: boolean): Date | undefined {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  return new Date(dayOnly && end ? time + DAY_MS : time);
}
