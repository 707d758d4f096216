import { createMemoryStore } from '../../../src/core/state/memory-store';
import { describeStoreContract } from './store-contract';

// The memory store takes a clock, so its expiry tests move time on instead of waiting.
let clock = 1_000_000;
describeStoreContract('memory', {
  open: async () => createMemoryStore<unknown>(() => clock),
  pass: async (ms) => {
    clock += ms;
  },
});
