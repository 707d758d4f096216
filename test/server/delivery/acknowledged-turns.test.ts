import Redis from 'ioredis';
import { Registry } from 'prom-client';
import { createMemoryStore } from '../../../src/core/state/memory-store';
import {
  createRedisTurnJournal,
  withTextRedacted,
  type TurnJournal,
} from '../../../src/core/state/turn-journal';
import {
  createAcknowledgedTurns,
  type AcknowledgedChannel,
} from '../../../src/server/delivery/acknowledged-turns';
import { createMetrics, type Metrics } from '../../../src/server/metrics';
import { deleteKeys, REDIS_URL, uniquePrefix } from '../../core/state/redis-helpers';
import { memoryLogger, sleep } from '../helpers';

// Two replicas of one channel on one real Redis journal, with a heartbeat timeout short enough to wait out.
const prefix = uniquePrefix('delivery');
const TIMEOUT_MS = 300;

interface TestTurn {
  text: string;
  where: string;
}

let client: Redis;
const journals: TurnJournal[] = [];
const stops: Array<() => void> = [];

beforeAll(() => {
  client = new Redis(REDIS_URL);
});
afterAll(async () => {
  for (const stop of stops) stop();
  for (const journal of journals) journal.stop();
  await deleteKeys(prefix);
  client.disconnect();
});

/** A replica of a test channel: its journal, its counters, what it answered after adopting. */
function replica(
  options: { claim?: (key: string, ttl: number) => Promise<boolean>; journal?: boolean } = {},
) {
  const memory = createMemoryStore<unknown>();
  const journal = options.journal === false ? undefined : createRedisTurnJournal(client, prefix, TIMEOUT_MS);
  if (journal) journals.push(journal);
  const metrics: Metrics = createMetrics(new Registry());
  const adopted: TestTurn[] = [];
  const deps = {
    store: { claim: options.claim ?? ((key: string, ttl: number) => memory.claim(key, ttl)), journal },
    logger: memoryLogger().logger,
    metrics,
  };
  const channel: AcknowledgedChannel<TestTurn> = {
    name: 'test',
    claimSeconds: 60,
    claimKey: (id) => `test-seen:${id}`,
    note: (turn) => withTextRedacted(turn),
    readNote: (value) => {
      const turn = value as Partial<TestTurn>;
      return typeof turn.text === 'string' && typeof turn.where === 'string' ? (turn as TestTurn) : undefined;
    },
    answerAdopted: async (turn) => void adopted.push(turn),
  };
  const turns = createAcknowledgedTurns(deps, channel);
  const count = async (name: 'dedupeHits' | 'storeErrors') => (await metrics[name].get()).values[0]?.value;
  return { turns, journal, adopted, count };
}

const noted = async (id: string): Promise<string | null> => client.hget(`${prefix}journal`, id);

test('a delivery is answered once: the retry of one already claimed is dropped and counted', async () => {
  const { turns, count } = replica();
  const answered: string[] = [];
  const turn = { text: 'can I post photos?', where: 'C1' };
  await turns.deliver('ev-1', turn, async () => void answered.push('first'));
  await turns.deliver('ev-1', turn, async () => void answered.push('retry'));
  await turns.deliver('ev-2', turn, async () => void answered.push('another event'));
  expect(answered).toEqual(['first', 'another event']);
  expect(await count('dedupeHits')).toBe(1);
});

test('with the store down a delivery is still answered, and the failure counted', async () => {
  const { turns, count } = replica({
    claim: () => Promise.reject(new Error('redis gone')),
    journal: false,
  });
  const answered: string[] = [];
  await turns.deliver('ev-down', { text: 'hello', where: 'C1' }, async () => void answered.push('answer'));
  expect(answered).toEqual(['answer']);
  expect(await count('storeErrors')).toBe(1);
});

test('a turn is noted, without personal details, while it is answered and crossed off once sent', async () => {
  const { turns } = replica();
  let whileAnswering: string | null = null;
  const turn = { text: 'I emailed jane.doe@example.com about it', where: 'C7' };
  await turns.deliver('ev-noted', turn, async () => {
    whileAnswering = await noted('test:ev-noted');
  });
  expect(whileAnswering).not.toBeNull();
  const payload = (JSON.parse(whileAnswering!) as { payload: string }).payload;
  expect(payload).not.toContain('jane.doe');
  expect(JSON.parse(payload)).toEqual({ text: expect.any(String), where: 'C7' });
  expect(await noted('test:ev-noted')).toBeNull();
});

test("a failed send leaves the note, and another replica answers it through the channel's send", async () => {
  const stopped = replica();
  const other = replica();
  const turn = { text: 'what do I do about a privacy breach?', where: 'C9' };
  await expect(
    stopped.turns.deliver('ev-failed', turn, () => Promise.reject(new Error('connector down'))),
  ).rejects.toThrow('connector down');
  expect(await noted('test:ev-failed')).not.toBeNull();

  // The replica stops; once its heartbeat lapses the other one adopts the turn and crosses it off.
  stopped.journal!.stop();
  stops.push(other.turns.adoptOrphans());
  for (let waited = 0; !other.adopted.length && waited < 20 * TIMEOUT_MS; waited += 50) await sleep(50);
  expect(other.adopted).toEqual([turn]);
  await sleep(50);
  expect(await noted('test:ev-failed')).toBeNull();
  expect(stopped.adopted).toEqual([]);
});

test('a note that is not a turn of the channel is dropped, never answered', async () => {
  const stopped = replica();
  const other = replica();
  await stopped.journal!.begin('test:ev-garbled', '{"where":"C1"}');
  stopped.journal!.stop();
  stops.push(other.turns.adoptOrphans());
  for (let waited = 0; (await noted('test:ev-garbled')) && waited < 20 * TIMEOUT_MS; waited += 50)
    await sleep(50);
  expect(await noted('test:ev-garbled')).toBeNull();
  expect(other.adopted).toEqual([]);
});
