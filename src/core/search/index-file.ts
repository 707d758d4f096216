import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { buildLunrIndex, INDEX_FORMAT } from './build-index';
import { createSearchIndex, type SearchIndex } from './search-index';
import { codeHash } from '../memo/code-hash';

/** Where `npm run build` writes the prebuilt index (build output, not committed). */
export const DEFAULT_INDEX_PATH = path.resolve(__dirname, '../../../dist/knowledge-index.json');

/** The prebuilt index file's shape. */
export interface IndexFile {
  format: number;
  knowledgeHash: string;
  /** Hash of the code that builds and reads the index: a change to it rebuilds (see memo/code-hash.ts). */
  codeHash: string;
  index: object;
}

const INDEX_CODE = ['core/search'];

export interface LoadedIndex {
  index: SearchIndex;
  /** 'prebuilt' when the file matched the knowledge; otherwise why it was rebuilt. */
  source: 'prebuilt' | 'missing' | 'stale' | 'unreadable';
}

/**
 * Loads the prebuilt index, or rebuilds it when it is missing, unreadable, or made from other knowledge
 * files (an editor changed them) and saves the new one for the next start when it can.
 */
export function loadOrBuildIndex(kb: KnowledgeBase, indexPath = DEFAULT_INDEX_PATH): LoadedIndex {
  let source: LoadedIndex['source'];
  try {
    const file = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexFile;
    if (
      file.format === INDEX_FORMAT &&
      file.knowledgeHash === kb.hash &&
      file.codeHash === codeHash(INDEX_CODE)
    ) {
      const loaded = lunr.Index.load(file.index);
      // A damaged file can still parse; one query shows whether it works before anyone relies on it.
      loaded.query((q) => q.term('social', { usePipeline: false }));
      return { index: createSearchIndex(kb, loaded), source: 'prebuilt' };
    }
    source = 'stale';
  } catch (error) {
    source = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  const index = createSearchIndex(kb, buildLunrIndex(kb));
  try {
    saveIndex(kb, index, indexPath);
  } catch {
    // A read-only install still answers from the index built in memory.
  }
  return { index, source };
}

/** Builds the index and writes it, atomically, to `indexPath`. */
export function writeIndex(kb: KnowledgeBase, indexPath = DEFAULT_INDEX_PATH): void {
  saveIndex(kb, createSearchIndex(kb, buildLunrIndex(kb)), indexPath);
}

/** What the prebuilt index file holds for `index`. */
export function toIndexFile(kb: KnowledgeBase, index: SearchIndex): IndexFile {
  return {
    format: INDEX_FORMAT,
    knowledgeHash: kb.hash,
    codeHash: codeHash(INDEX_CODE),
    index: index.lunr.toJSON(),
  };
}

function saveIndex(kb: KnowledgeBase, index: SearchIndex, indexPath: string): void {
  const file = toIndexFile(kb, index);
  mkdirSync(path.dirname(indexPath), { recursive: true });
  const temporary = `${indexPath}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file));
  renameSync(temporary, indexPath);
}
