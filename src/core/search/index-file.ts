import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { buildLunrIndex, INDEX_FORMAT } from './build-index';
import { createSearchIndex, type SearchIndex } from './search-index';
import { compileSynonyms } from './synonyms';

/** Where `npm run build` writes the prebuilt index (build output, not committed). */
export const DEFAULT_INDEX_PATH = path.resolve(__dirname, '../../../dist/knowledge-index.json');

interface IndexFile {
  format: number;
  knowledgeHash: string;
  index: object;
}

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
    if (file.format === INDEX_FORMAT && file.knowledgeHash === kb.hash) {
      const loaded = lunr.Index.load(file.index);
      // A damaged file can still parse; one query shows whether it works before anyone relies on it.
      loaded.query((q) => q.term('social', { usePipeline: false }));
      return { index: createSearchIndex(kb, loaded), source: 'prebuilt' };
    }
    source = 'stale';
  } catch (error) {
    source = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  const built = buildLunrIndex(kb, compileSynonyms(kb.synonyms));
  try {
    saveIndex(kb, built, indexPath);
  } catch {
    // A read-only install still answers from the index built in memory.
  }
  return { index: createSearchIndex(kb, built), source };
}

/** Builds the index and writes it, atomically, to `indexPath`. */
export function writeIndex(kb: KnowledgeBase, indexPath = DEFAULT_INDEX_PATH): void {
  saveIndex(kb, buildLunrIndex(kb, compileSynonyms(kb.synonyms)), indexPath);
}

function saveIndex(kb: KnowledgeBase, index: lunr.Index, indexPath: string): void {
  const file: IndexFile = { format: INDEX_FORMAT, knowledgeHash: kb.hash, index: index.toJSON() };
  mkdirSync(path.dirname(indexPath), { recursive: true });
  const temporary = `${indexPath}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file));
  renameSync(temporary, indexPath);
}
