import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { GuidebotError } from '../errors';
import { RELEASE_LOCK } from './redis-scripts';

/** How long an update may hold its key, and how long another may wait for it. */
export interface LockTimes {
  /** The lock expires after this long even if its holder died (default 3000 ms). */
  holdMs: number;
  /** Waiting longer than this for a lock fails with STORE_UNAVAILABLE (default 4000 ms). */
  waitMs: number;
}

/**
 * Takes the lock at `lockKey` (SET NX PX with a random token) and returns the token, polling with growing,
 * jittered pauses while another caller holds it. The token lets only its owner commit or release.
 */
export async function acquireLock(client: Redis, lockKey: string, times: LockTimes): Promise<string> {
  const token = randomUUID();
  const deadline = Date.now() + times.waitMs;
  let pause = 2;
  for (;;) {
    if ((await client.set(lockKey, token, 'PX', times.holdMs, 'NX')) === 'OK') return token;
    if (Date.now() >= deadline) {
      throw new GuidebotError(
        'STORE_UNAVAILABLE',
        `Another update of this conversation held it for more than ${times.waitMs} ms; try again.`,
      );
    }
    // Jitter so two replicas waiting on one key do not retry in lock-step.
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
    pause = Math.min(pause * 2, 50);
  }
}

/** Gives the lock back if it is still ours; a failure here only means it expires by itself later. */
export async function releaseLock(client: Redis, lockKey: string, token: string): Promise<void> {
  await client.eval(RELEASE_LOCK, 1, lockKey, token).catch(() => undefined);
}
