import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where this file's tree starts: src/ under ts-jest, dist/ in the build. */
const TREE = path.resolve(__dirname, '../..');
/** The repository's src/, seen from either tree. */
const SOURCE_ROOT = path.basename(TREE) === 'dist' ? path.join(path.dirname(TREE), 'src') : TREE;

/**
 * sha256 of the TypeScript sources under the given folders of src/ (e.g. "core/understand"), so a file
 * built by that code is rebuilt when the code changes, not silently used with new code. The sources are
 * hashed rather than the compiled JavaScript, so tests and the build agree. Without src/ (an install of
 * dist/ alone) the compiled files are hashed instead.
 */
export function codeHash(folders: string[]): string {
  const root = existsSync(SOURCE_ROOT) ? SOURCE_ROOT : TREE;
  const ext = root === SOURCE_ROOT ? '.ts' : '.js';
  const hash = createHash('sha256');
  for (const folder of folders) {
    const dir = path.join(root, folder);
    const names = readdirSync(dir)
      .filter((name) => name.endsWith(ext) && !name.endsWith('.d.ts'))
      .sort();
    for (const name of names) hash.update(`${folder}/${name}\0${readFileSync(path.join(dir, name))}\0`);
  }
  return hash.digest('hex');
}
