import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIfStale } from './build-if-stale';
import { REPO_DATA_DIR, snapshot } from './run-hygiene';

/**
 * Gives this test run its own places, passed to every test file and every process it starts through the
 * environment: a temporary folder (TMPDIR, so os.tmpdir() and Chromium's profile land in it too), a data folder
 * inside it, and a Redis key prefix. global-teardown.ts removes them, whether the tests passed or not.
 */
export default function globalSetup(): void {
  buildIfStale();
  const runDir = mkdtempSync(path.join(tmpdir(), 'guidebot-test-run-'));
  process.env.GUIDEBOT_TEST_RUN_DIR = runDir;
  process.env.GUIDEBOT_TEST_REPO_DATA = snapshot(REPO_DATA_DIR);
  process.env.TMPDIR = runDir;
  process.env.GUIDEBOT_DATA_DIR = path.join(runDir, 'data');
  process.env.REDIS_KEY_PREFIX = `guidebot-test:${randomBytes(6).toString('hex')}:`;
}
