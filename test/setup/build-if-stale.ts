import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// The CLI, doctor and packaging tests run dist/ as a person would, so a change to src/ must be built before
// they run: `npx jest` rebuilds (npm run build) whenever a file in src/ is newer than dist/cli.js.
const ROOT = path.resolve(__dirname, '../..');
const BUILT = path.join(ROOT, 'dist/cli.js');

function newestIn(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const found = entry.isDirectory() ? newestIn(file) : { file, mtimeMs: statSync(file).mtimeMs };
    if (found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

export function buildIfStale(): void {
  const newest = newestIn(path.join(ROOT, 'src'));
  const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  if (newest.mtimeMs <= builtAt) return;
  const why = builtAt
    ? `${path.relative(ROOT, newest.file)} changed since the last build`
    : 'dist/ is missing';
  process.stderr.write(`\n${why}: running "npm run build" so the CLI tests run this code.\n`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}
