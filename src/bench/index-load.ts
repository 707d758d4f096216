import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import type { KnowledgeBase } from '../core/knowledge/load-knowledge';
import { INDEX_FORMAT } from '../core/search/build-index';
import { commonStems } from '../core/search/common-words';
import { createSearchIndex, type SearchIndex } from '../core/search/search-index';
import { nowNs } from './clock';
import { median } from './stats';

/** The prebuilt index file's shape, as src/core/search/index-file.ts writes it. */
export interface IndexFileShape {
  format: number;
  knowledgeHash: string;
  index: object;
  common: string[];
}

/** Serialises an index as the prebuilt index file would hold it, writes it to `dir`, and returns its size. */
export function writeIndexFile(kb: KnowledgeBase, index: lunr.Index, dir: string, name: string): string {
  const file: IndexFileShape = {
    format: INDEX_FORMAT,
    knowledgeHash: kb.hash,
    index: index.toJSON(),
    common: commonStems(),
  };
  const filePath = path.join(dir, name);
  writeFileSync(filePath, JSON.stringify(file));
  return filePath;
}

/** What a start pays for the index: read the file, parse the JSON, lunr.Index.load, createSearchIndex. */
export function loadIndexFile(kb: KnowledgeBase, filePath: string): SearchIndex {
  const file = JSON.parse(readFileSync(filePath, 'utf8')) as IndexFileShape;
  return createSearchIndex(kb, lunr.Index.load(file.index), file.common);
}

/** Median time (ms) of `times` loads of the index file. */
export function timeIndexLoad(kb: KnowledgeBase, filePath: string, times: number): number {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = nowNs();
    loadIndexFile(kb, filePath);
    durations.push(nowNs() - start);
  }
  return median(durations) / 1e6;
}
