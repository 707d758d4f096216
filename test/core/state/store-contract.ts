import type { ConversationStore } from '../../../src/core/state/conversation-store';
import { GuidebotError } from '../../../src/core/errors';

/** What the contract needs from one kind of store. */
export interface StoreHarness {
  /** A new store instance (for Redis: a new client on the same Redis and prefix). */
  open(): Promise<ConversationStore<unknown>>;
  /** Lets `ms` of time pass for expiry: moves the memory store's clock, or really waits for Redis. */
  pass(ms: number): Promise<void>;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
let serial = 0;
const uniqueKey = (name: string): string => `${name}-${process.pid}-${++serial}`;

/** The behaviour every ConversationStore must have; run once per implementation. */
export function describeStoreContract(name: string, harness: StoreHarness): void {
  describe(`${name}: ConversationStore contract`, () => {
    let store: ConversationStore<unknown>;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('gets what was set, overwrites it, and forgets it on delete', async () => {
      const key = uniqueKey('basic');
      expect(await store.get(key)).toBeUndefined();
      await store.set(key, { step: 'start' }, 60);
      expect(await store.get(key)).toEqual({ step: 'start' });
      await store.set(key, { step: 'next' }, 60);
      expect(await store.get(key)).toEqual({ step: 'next' });
      await store.delete(key);
      expect(await store.get(key)).toBeUndefined();
      await expect(store.delete(key)).resolves.toBeUndefined();
    });

    it('round-trips JSON values and hands out copies', async () => {
      const key = uniqueKey('json');
      const value = {
        text: 'Café “quotes” \n 🚀 <b>&</b>',
        empty: '',
        count: 0,
        ratio: -1.5,
        flags: [true, false, null],
        nested: { list: [{ id: 'section:3.2', label: '3.2 Approvals' }], none: null },
      };
      await store.set(key, value, 60);
      const read = (await store.get(key)) as typeof value;
      expect(read).toEqual(value);
      read.nested.list.push({ id: 'x', label: 'changed after reading' });
      expect(await store.get(key)).toEqual(value);
      await store.set(key, 'a plain string', 60);
      expect(await store.get(key)).toBe('a plain string');
    });

    it('expires a value after its TTL, and a new write starts the TTL again', async () => {
      const key = uniqueKey('ttl');
      // Steps of 600 ms against a 1 s TTL leave a margin either way for a busy machine.
      await store.set(key, 1, 1);
      await harness.pass(600);
      expect(await store.get(key)).toBe(1);
      await store.set(key, 2, 1);
      await harness.pass(600); // 1.2 s after the first write
      expect(await store.get(key)).toBe(2);
      await harness.pass(600);
      expect(await store.get(key)).toBeUndefined();
    });

    it('update reads, changes and writes, returns the result, and refreshes the TTL', async () => {
      const key = uniqueKey('update');
      const seen: unknown[] = [];
      const result = await store.update(key, 1, (current) => {
        seen.push(current);
        return { value: { turns: 1 }, result: 'first' };
      });
      expect(result).toBe('first');
      expect(seen).toEqual([undefined]);
      await harness.pass(600);
      await store.update(key, 1, async (current) => ({
        value: { turns: (current as { turns: number }).turns + 1 },
        result: null,
      }));
      await harness.pass(600);
      expect(await store.get(key)).toEqual({ turns: 2 });
      await store.update(key, 1, () => ({ value: undefined, result: null }));
      expect(await store.get(key)).toBeUndefined();
    });

    it('an update whose change throws rejects with that error, keeps the old value and frees the key', async () => {
      const key = uniqueKey('throws');
      await store.set(key, 'kept', 60);
      const failure = new Error('dialog file broke');
      await expect(store.update(key, 60, () => Promise.reject(failure))).rejects.toBe(failure);
      expect(await store.get(key)).toBe('kept');
      const started = Date.now();
      await store.update(key, 60, (current) => ({ value: `${String(current)} and changed`, result: null }));
      expect(Date.now() - started).toBeLessThan(500);
      expect(await store.get(key)).toBe('kept and changed');
    });

    it('50 concurrent updates of one key lose none and each sees the one before', async () => {
      const key = uniqueKey('counter');
      const seen = await Promise.all(
        Array.from({ length: 50 }, () =>
          store.update(key, 60, async (current) => {
            const count = typeof current === 'number' ? current : 0;
            await tick(); // a turn does async work between read and write
            return { value: count + 1, result: count };
          }),
        ),
      );
      expect(await store.get(key)).toBe(50);
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });

    it('updates of different keys do not wait for each other', async () => {
      const [first, second] = [uniqueKey('side-a'), uniqueKey('side-b')];
      let secondStarted!: () => void;
      const started = new Promise<void>((resolve) => (secondStarted = resolve));
      const a = store.update(first, 60, async () => {
        await started; // would never resolve if updates of all keys ran one at a time
        return { value: 'a', result: 'a' };
      });
      const b = store.update(second, 60, () => {
        secondStarted();
        return { value: 'b', result: 'b' };
      });
      await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
    });

    it('claim: the first caller wins, later ones lose until the claim expires', async () => {
      const key = uniqueKey('claim');
      const results = await Promise.all(Array.from({ length: 20 }, () => store.claim(key, 1)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.claim(key, 1)).toBe(false);
      expect(await store.claim(uniqueKey('claim-other'), 1)).toBe(true);
      await harness.pass(1200);
      expect(await store.claim(key, 1)).toBe(true);
    });

    it('increment counts in a fixed window that later counts do not extend', async () => {
      const key = uniqueKey('rate');
      expect(await store.increment(key, 1)).toBe(1);
      expect(await store.increment(key, 1)).toBe(2);
      expect(await store.increment(uniqueKey('rate-other'), 1)).toBe(1);
      await harness.pass(600);
      expect(await store.increment(key, 1)).toBe(3);
      await harness.pass(600); // 1.2 s after the first count: a new window
      expect(await store.increment(key, 1)).toBe(1);
      const counts = await Promise.all(Array.from({ length: 50 }, () => store.increment(key, 60)));
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    });

    it('keeps values, claims and counters apart under one key', async () => {
      const key = uniqueKey('apart');
      await store.set(key, { state: 'dialog' }, 60);
      expect(await store.claim(key, 60)).toBe(true);
      expect(await store.increment(key, 60)).toBe(1);
      expect(await store.get(key)).toEqual({ state: 'dialog' });
      await store.delete(key);
      expect(await store.claim(key, 60)).toBe(false);
      expect(await store.increment(key, 60)).toBe(2);
    });

    it('rejects TTLs that are not positive numbers', async () => {
      for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expect(store.set(uniqueKey('bad-ttl'), 1, ttl)).rejects.toThrow(RangeError);
        await expect(
          store.update(uniqueKey('bad-ttl'), ttl, () => ({ value: 1, result: 1 })),
        ).rejects.toThrow(RangeError);
        await expect(store.claim(uniqueKey('bad-ttl'), ttl)).rejects.toThrow(RangeError);
        await expect(store.increment(uniqueKey('bad-ttl'), ttl)).rejects.toThrow(RangeError);
      }
    });

    it('close() can be called twice, and calls after it reject with STORE_UNAVAILABLE', async () => {
      await store.set(uniqueKey('closing'), 1, 60);
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
      for (const call of [
        () => store.get('x'),
        () => store.set('x', 1, 60),
        () => store.update('x', 60, () => ({ value: 1, result: 1 })),
        () => store.claim('x', 60),
        () => store.increment('x', 60),
      ]) {
        const error = await call().then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(GuidebotError);
        expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/closed/) });
      }
    });
  });
}
