import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { guardPersonalInformation } from '../privacy/guard';
import { cleanText } from '../search/text';

/** A turn a replica noted before answering it, so another can finish it if this one stops. */
export interface JournalEntry {
  id: string;
  /** What the channel needs to answer the turn again (JSON, with the message text already redacted). */
  payload: string;
}

/**
 * Turns being answered, shared by the replicas of one Redis. A channel that acknowledges before it answers
 * (Slack, Teams) notes each turn here and crosses it off once answered; a replica killed in between leaves its
 * turns behind, and another replica adopts them once the killed one has missed its heartbeats.
 */
export interface TurnJournal {
  begin(id: string, payload: string): Promise<void>;
  end(id: string): Promise<void>;
  /**
   * Turns left by replicas that stopped whose ids start with `prefix` (each channel notes its turns under
   * its own, "slack:" or "teams:"); each is handed to one caller only, which then owns it.
   */
  adoptOrphans(prefix: string): Promise<JournalEntry[]>;
  /** How often to look for orphans: a third of the time a replica may stay silent. */
  readonly checkEveryMs: number;
  /** Stops the heartbeat (the client belongs to the store and is closed there). */
  stop(): void;
}

interface Noted {
  replica: string;
  payload: string;
  /** When the turn began (ms since the epoch). */
  at: number;
}

// A turn left longer than this is dropped rather than answered: the person has moved on (the conversation
// state itself is forgotten after 30 idle minutes by default).
const MAX_AGE_MS = 30 * 60 * 1000;

/**
 * Keys: <prefix>journal (hash: turn id -> {replica, payload}) and <prefix>replica:<id>, each replica's
 * heartbeat, renewed every third of `timeoutMs` and gone `timeoutMs` after its replica stopped.
 */
export function createRedisTurnJournal(client: Redis, prefix: string, timeoutMs: number): TurnJournal {
  const replica = randomUUID();
  const journal = `${prefix}journal`;
  const alive = (id: string): string => `${prefix}replica:${id}`;
  const beat = (): Promise<unknown> =>
    client.set(alive(replica), '1', 'PX', timeoutMs).catch(() => undefined);
  // Beats, and checks for orphans, three times per timeout: a missed beat or two is not a stopped replica.
  const everyMs = Math.max(50, Math.floor(timeoutMs / 3));
  void beat();
  const heartbeat = setInterval(() => void beat(), everyMs);
  heartbeat.unref();
  const note = (payload: string, at = Date.now()): string =>
    JSON.stringify({ replica, payload, at } satisfies Noted);

  return {
    checkEveryMs: everyMs,
    async begin(id, payload) {
      await client.hset(journal, id, note(payload));
    },
    async end(id) {
      await client.hdel(journal, id);
    },
    async adoptOrphans(prefix) {
      const noted = Object.entries(await client.hgetall(journal)).flatMap(([id, raw]) => {
        const entry = parseNoted(raw);
        return entry && entry.replica !== replica ? [{ id, raw, entry }] : [];
      });
      if (!noted.length) return [];
      const replicas = [...new Set(noted.map((n) => n.entry.replica))];
      const living = await client.mget(replicas.map(alive));
      const stopped = new Set(replicas.filter((_, i) => living[i] === null));
      const adopted: JournalEntry[] = [];
      for (const { id, raw, entry } of noted) {
        if (!stopped.has(entry.replica)) continue;
        // Atomic hand-over: only the replica whose write finds the entry unchanged takes it. A stale entry
        // is dropped whichever channel it belongs to.
        const stale = Date.now() - entry.at > MAX_AGE_MS;
        if (!stale && !id.startsWith(prefix)) continue;
        const took = await client.eval(
          ADOPT,
          1,
          journal,
          id,
          raw,
          stale ? '' : note(entry.payload, entry.at),
        );
        if (stale) continue;
        if (took === 1) adopted.push({ id, payload: entry.payload });
      }
      return adopted;
    },
    stop() {
      clearInterval(heartbeat);
    },
  };
}

/**
 * KEYS: journal. ARGV: turn id, the entry as read, the entry naming the new owner ('' drops the entry).
 * 1 when this caller took it.
 */
const ADOPT = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
return 1
`;

function parseNoted(raw: string): Noted | undefined {
  try {
    const value = JSON.parse(raw) as Partial<Noted>;
    return typeof value.replica === 'string' &&
      typeof value.payload === 'string' &&
      typeof value.at === 'number'
      ? { replica: value.replica, payload: value.payload, at: value.at }
      : undefined;
  } catch {
    return undefined;
  }
}

/** A turn's message as a journal notes it: personal information replaced, as the core would see it anyway. */
export function withTextRedacted<T extends { text?: string }>(inbound: T): T {
  return inbound.text === undefined
    ? inbound
    : // Capped and cleaned first, as the core reads it: the guard never runs on a whole request body.
      { ...inbound, text: guardPersonalInformation(cleanText(inbound.text)).redacted };
}
