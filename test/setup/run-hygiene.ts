import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where the product writes when GUIDEBOT_DATA_DIR is unset and it runs from the repository root. */
export const REPO_DATA_DIR = path.resolve(__dirname, '../../.guidebot-data');

/** Every file under `dir` with its size and modification time: "" when the folder does not exist. */
export function snapshot(dir: string): string {
  if (!existsSync(dir)) return '';
  const lines: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const stat = statSync(file);
    lines.push(`${path.relative(dir, file)} ${stat.size} ${stat.mtimeMs}`);
  }
  return lines.sort().join('\n') || '(empty)';
}
