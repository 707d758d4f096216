import { rmSync } from 'node:fs';
import { deleteKeys } from '../core/state/redis-helpers';
import { REPO_DATA_DIR, snapshot } from './run-hygiene';

/** Removes the run's temporary folder and Redis keys, then fails the run if a test wrote ./.guidebot-data. */
export default async function globalTeardown(): Promise<void> {
  const runDir = process.env.GUIDEBOT_TEST_RUN_DIR;
  const prefix = process.env.REDIS_KEY_PREFIX;
  if (runDir) rmSync(runDir, { recursive: true, force: true });
  if (prefix) await deleteKeys(prefix).catch(() => undefined); // no Redis: nothing was written there
  if (snapshot(REPO_DATA_DIR) !== process.env.GUIDEBOT_TEST_REPO_DATA) {
    throw new Error(`A test wrote into ${REPO_DATA_DIR}: give it GUIDEBOT_DATA_DIR (the run's own folder).`);
  }
}
