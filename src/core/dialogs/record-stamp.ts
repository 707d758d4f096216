import { randomBytes } from 'node:crypto';

/** When a decision record was made, in the guideline's time zone, and the id it is filed under. */
export interface RecordStamp {
  /** e.g. "GB-20261201-1730-3f9a2c": date and time (local), then random hex so ids do not collide. */
  id: string;
  /** e.g. "1 December 2026" */
  date: string;
  /** e.g. "17:30" (24-hour) */
  time: string;
  /** e.g. "America/Vancouver" */
  timeZone: string;
}

export const DEFAULT_TIME_ZONE = 'America/Vancouver';

/** True when the runtime knows the IANA time zone name ("America/Vancouver"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// Making a DateTimeFormat costs far more than using one: each time zone's pair is made once and kept.
interface Formatters {
  parts: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
}
const formatters = new Map<string, Formatters>();

function formattersFor(timeZone: string): Formatters {
  let found = formatters.get(timeZone);
  if (!found) {
    found = {
      parts: new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      date: new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }),
    };
    formatters.set(timeZone, found);
  }
  return found;
}

/** The stamp for a record made at `now`, read in `timeZone` (not UTC: 17:30 Pacific on 1 December is 1 December). */
export function recordStamp(now: Date, timeZone: string): RecordStamp {
  const format = formattersFor(timeZone);
  const parts: Record<string, string> = Object.fromEntries(
    format.parts.formatToParts(now).map((p) => [p.type, p.value]),
  );
  const date = format.date.format(now);
  const time = `${parts.hour}:${parts.minute}`;
  const id = `GB-${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}-${randomBytes(3).toString('hex')}`;
  return { id, date, time, timeZone };
}
