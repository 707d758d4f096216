import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import type { KnowledgeBase } from '../core/knowledge/load-knowledge';
import { toIndexFile, type IndexFile } from '../core/search/index-file';
import { createSearchIndex, type SearchIndex } from '../core/search/search-index';
import { nowNs } from './clock';
import { median } from './stats';

/** Serialises an index as the prebuilt index file holds it, writes it to `dir`, and returns its path. */
export function writeIndexFile(kb: KnowledgeBase, index: SearchIndex, dir: string, name: string): string {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, JSON.stringify(toIndexFile(kb, index)));
  return filePath;
}

/** What a start pays for the index: read the file, parse the JSON, lunr.Index.load, createSearchIndex. */
function loadIndexFile(kb: KnowledgeBase, filePath: string): SearchIndex {
  const file = JSON.parse(readFileSync(filePath, 'utf8')) as IndexFile;
  return createSearchIndex(kb, lunr.Index.load(file.index));
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
