import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Servers started without GUIDEBOT_DATA_DIR keep analytics in ./.guidebot-data: run each test file in a
// temporary working directory of its own, so no test writes into the repository or shares data with another.
// (Tests reach repository files through REPO_ROOT, never through the working directory.)
const home = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), 'guidebot-cwd-'));
process.chdir(dir);
afterAll(() => {
  process.chdir(home);
  rmSync(dir, { recursive: true, force: true });
});
