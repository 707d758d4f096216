/** Runs tasks one after the other per key, in arrival order; tasks for different keys run side by side. */
interface KeyQueue {
  run<R>(key: string, task: () => Promise<R>): Promise<R>;
}

export function createKeyQueue(): KeyQueue {
  // The tail of each key's queue: a task waits for the one before it, whether that one succeeded or failed.
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.then(task, task);
      const tail = next.catch(() => undefined);
      tails.set(key, tail);
      // Forget idle keys so the map holds only keys with work in flight.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
  };
}
