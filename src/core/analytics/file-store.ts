import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBatchedAppender } from './batched-append';
import { DAY_MS, type AnalyticsStore } from './analytics-store';
import { parseEvent, type AnalyticsEvent } from './event';

const FILE = /^events-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * Events as JSON lines, one file per UTC day (events-2026-11-24.jsonl) under `dir`, readable only by the
 * owner. A day file goes as a whole once the whole day has expired; the boundary day is rewritten.
 */
export function createFileAnalyticsStore(dir: string): AnalyticsStore {
  const ready = mkdir(dir, { recursive: true, mode: 0o700 });
  const append = createBatchedAppender(0o600);
  const fileOf = (day: string): string => path.join(dir, `events-${day}.jsonl`);
  const days = async (): Promise<string[]> => {
    await ready;
    return (await readdir(dir)).flatMap((name) => FILE.exec(name)?.[1] ?? []).sort();
  };
  const read = async (day: string): Promise<AnalyticsEvent[]> => {
    const text = await readFile(fileOf(day), 'utf8').catch(() => '');
    return text.split('\n').flatMap((line) => (line.trim() ? (parseEvent(line) ?? []) : []));
  };

  return {
    where: dir,
    async append(event) {
      await ready;
      await append(fileOf(event.at.slice(0, 10)), `${JSON.stringify(event)}\n`);
    },
    async list(since, until) {
      const first = dayOf(since.getTime());
      const last = dayOf(until.getTime() - 1);
      const events: AnalyticsEvent[] = [];
      for (const day of await days()) if (day >= first && day <= last) events.push(...(await read(day)));
      return events
        .filter((e) => Date.parse(e.at) >= since.getTime() && Date.parse(e.at) < until.getTime())
        .sort((a, b) => a.at.localeCompare(b.at));
    },
    async prune(before) {
      const boundary = dayOf(before.getTime());
      let removed = 0;
      for (const day of await days()) {
        if (day > boundary) break;
        const events = await read(day);
        const kept = events.filter((e) => Date.parse(e.at) >= before.getTime());
        removed += events.length - kept.length;
        if (!kept.length) await unlink(fileOf(day)).catch(() => undefined);
        else if (kept.length < events.length) {
          const temporary = `${fileOf(day)}.${process.pid}.tmp`;
          await writeFile(temporary, kept.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
          await rename(temporary, fileOf(day));
        }
      }
      return removed;
    },
    async close() {
      await ready;
    },
  };
}

function dayOf(time: number): string {
  return new Date(Math.floor(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}
