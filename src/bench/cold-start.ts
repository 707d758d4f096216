import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../core/knowledge/load-knowledge';
import { INDEX_FORMAT } from '../core/search/build-index';
import { DEFAULT_INDEX_PATH, type IndexFile } from '../core/search/index-file';
import { nowNs } from './clock';
import { summarizeNs, type Summary } from './stats';

/** The project root (dist/bench -> root), where `node dist/cli.js` runs from. */
const PROJECT_ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');

export interface ColdStart {
  question: string;
  runs: number;
  /** How the prebuilt index was found before timing: 'prebuilt', or why it was rebuilt first. */
  indexBeforeTiming: 'prebuilt' | 'missing' | 'stale' | 'unreadable';
  /** `node dist/cli.js ask "<question>"`: process spawn to exit. */
  guidebot: Summary;
  /** `node -e ""`: bare Node start and exit, the baseline. */
  bareNode: Summary;
}

/** Makes sure the CLI will find an up-to-date prebuilt index, building it with the CLI when it would not. */
function ensurePrebuiltIndex(): ColdStart['indexBeforeTiming'] {
  const indexPath = process.env.GUIDEBOT_INDEX_PATH || DEFAULT_INDEX_PATH;
  const kb = loadKnowledge(process.env.GUIDEBOT_KNOWLEDGE_DIR || undefined);
  let state: ColdStart['indexBeforeTiming'];
  try {
    const file = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexFile;
    state = file.format === INDEX_FORMAT && file.knowledgeHash === kb.hash ? 'prebuilt' : 'stale';
  } catch (error) {
    state = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  if (state !== 'prebuilt') run([CLI, 'index', 'build']);
  return state;
}

function run(args: string[]): number {
  const start = nowNs();
  const child = spawnSync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const elapsed = nowNs() - start;
  if (child.error) throw child.error;
  if (child.status !== 0)
    throw new Error(`node ${args.join(' ')} exited with ${child.status}: ${child.stderr.trim()}`);
  return elapsed;
}

/**
 * Times whole processes: `guidebot ask` against bare Node, alternating, after one untimed run of each
 * (so both read warm file caches).
 */
export function measureColdStart(question: string, runs: number): ColdStart {
  const indexBeforeTiming = ensurePrebuiltIndex();
  const ask = [CLI, 'ask', question];
  const bare = ['-e', ''];
  run(ask);
  run(bare);
  const guidebot: number[] = [];
  const bareNode: number[] = [];
  for (let i = 0; i < runs; i++) {
    guidebot.push(run(ask));
    bareNode.push(run(bare));
  }
  return {
    question,
    runs,
    indexBeforeTiming,
    guidebot: summarizeNs(guidebot),
    bareNode: summarizeNs(bareNode),
  };
}
