import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../src/server/serve';
import { runCli } from '../helpers/cli';
import { memoryLogger, send } from '../server/helpers';
import { REPO_DATA_DIR, snapshot } from './run-hygiene';

// global-setup.ts gives the run its own folder; global-teardown.ts removes it and fails the run when
// ./.guidebot-data changed. These check that what tests start really writes there.
const runDir = process.env.GUIDEBOT_TEST_RUN_DIR ?? '';
const inRunDir = (dir: string): boolean => !path.relative(runDir, dir).startsWith('..');
const analyticsFiles = (dataDir: string): string[] =>
  existsSync(path.join(dataDir, 'analytics')) ? readdirSync(path.join(dataDir, 'analytics')) : [];

describe('a test run', () => {
  const before = snapshot(REPO_DATA_DIR);

  it('has a folder of its own for temporary files, data and the working directory', () => {
    expect(runDir).toMatch(/guidebot-test-run-/);
    expect(inRunDir(tmpdir())).toBe(true);
    expect(inRunDir(process.cwd())).toBe(true);
    expect(inRunDir(process.env.GUIDEBOT_DATA_DIR ?? '')).toBe(true);
    expect(process.env.REDIS_KEY_PREFIX).toMatch(/^guidebot-test:[0-9a-f]{12}:$/);
  });

  it('keeps what the CLI writes (the collection-notice marker) in the run folder', () => {
    const dataDir = process.env.GUIDEBOT_DATA_DIR ?? '';
    expect(runCli(['ask', 'which pizza place in Victoria delivers late?']).status).toBe(0);
    expect(existsSync(path.join(dataDir, 'console-notice-shown'))).toBe(true);
    expect(snapshot(REPO_DATA_DIR)).toBe(before);
  });

  it('keeps the analytics of a server started with a hand-made environment in the run folder', async () => {
    const running = await startServer({ env: { PORT: '0' }, logger: memoryLogger().logger });
    try {
      const turn = await send(`${running.url}/api/web/turn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation: 'hygiene-1', text: 'which pizza place delivers late?' }),
      });
      expect(turn.status).toBe(200);
    } finally {
      await running.close();
    }
    expect(analyticsFiles(path.join(process.cwd(), '.guidebot-data'))).toHaveLength(1);
    expect(snapshot(REPO_DATA_DIR)).toBe(before);
  });
});
