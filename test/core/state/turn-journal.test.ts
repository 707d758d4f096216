import Redis from 'ioredis';
import {
  createRedisTurnJournal,
  withTextRedacted,
  type TurnJournal,
} from '../../../src/core/state/turn-journal';
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis-helpers';

// Three replicas' journals on one real Redis, with a heartbeat timeout short enough to wait out.
const prefix = uniquePrefix('turn-journal');
const TIMEOUT_MS = 300;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let client: Redis;
const journals: TurnJournal[] = [];
const replica = (): TurnJournal => {
  const journal = createRedisTurnJournal(client, prefix, TIMEOUT_MS);
  journals.push(journal);
  return journal;
};

beforeAll(() => {
  client = new Redis(REDIS_URL);
});
afterAll(async () => {
  for (const journal of journals) journal.stop();
  await deleteKeys(prefix);
  client.disconnect();
});

describe('turn journal', () => {
  it("leaves a living replica's turns alone, and forgets a turn once it ends", async () => {
    const [a, b] = [replica(), replica()];
    await a.begin('slack:ev-living', '{"q":1}');
    await sleep(TIMEOUT_MS * 2);
    expect(await b.adoptOrphans('slack:')).toEqual([]);
    await a.end('slack:ev-living');
    expect(await client.hexists(`${prefix}journal`, 'slack:ev-living')).toBe(0);
  });

  it("hands a stopped replica's unfinished turn to exactly one other replica", async () => {
    const [stopped, b, c] = [replica(), replica(), replica()];
    await stopped.begin('slack:ev-orphan', '{"q":2}');
    stopped.stop();
    expect(await b.adoptOrphans('slack:')).toEqual([]); // its heartbeat has not lapsed yet
    await sleep(TIMEOUT_MS + 100);
    const [first, second] = await Promise.all([b.adoptOrphans('slack:'), c.adoptOrphans('slack:')]);
    expect([...first, ...second]).toEqual([{ id: 'slack:ev-orphan', payload: '{"q":2}' }]);
    // The adopter owns it now: while it lives, nobody takes it again.
    const adopter = first.length ? c : b;
    expect(await adopter.adoptOrphans('slack:')).toEqual([]);
  });

  it('hands a turn only to the channel it belongs to', async () => {
    const [stopped, b] = [replica(), replica()];
    await stopped.begin('teams:conv-1:act-1', '{"q":4}');
    stopped.stop();
    await sleep(TIMEOUT_MS + 100);
    expect(await b.adoptOrphans('slack:')).toEqual([]);
    expect(await b.adoptOrphans('teams:')).toEqual([{ id: 'teams:conv-1:act-1', payload: '{"q":4}' }]);
  });

  it('drops, unanswered, a turn left for more than half an hour', async () => {
    const b = replica();
    const old = { replica: 'long-gone', payload: '{"q":3}', at: Date.now() - 31 * 60 * 1000 };
    await client.hset(`${prefix}journal`, 'slack:ev-old', JSON.stringify(old));
    expect(await b.adoptOrphans('slack:')).toEqual([]);
    expect(await client.hexists(`${prefix}journal`, 'slack:ev-old')).toBe(0);
  });

  it('skips an entry that is not its own format instead of failing', async () => {
    const b = replica();
    await client.hset(`${prefix}journal`, 'slack:ev-garbage', 'not json');
    expect(await b.adoptOrphans('slack:')).toEqual([]);
  });

  it('notes a message with its personal information replaced, and the rest of the turn as it was', () => {
    const inbound = { channel: 'teams', user: 'u1', text: 'call me at 250-555-0199 or jane.doe@gmail.com' };
    const noted = withTextRedacted(inbound);
    expect(noted.text).not.toMatch(/555-0199|jane\.doe/);
    expect(noted).toEqual({ ...inbound, text: expect.any(String) });
    const click: { channel: string; user: string; choice: string; text?: string } = {
      channel: 'teams',
      user: 'u1',
      choice: 'privacy:pi:yes',
    };
    expect(withTextRedacted(click)).toEqual(click);
  });
});
