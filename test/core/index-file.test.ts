import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { loadBot } from '../../src/core/load-bot';
import { loadOrBuildIndex } from '../../src/core/search/index-file';
import { searchPassages } from '../../src/core/search/search';
import type { SearchIndex } from '../../src/core/search/search-index';
import { copyKnowledge, editFile, makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';

// The prebuilt index is used only while it matches the knowledge files; otherwise it is rebuilt and saved.
afterAll(removeTempDirs);

/** A sentence of words the guideline never uses, appended to the Planning passage by an "editor". */
const PLANNING_END = 'one of a variety of approaches to engage the public.';
const NEW_WORDS = 'Quokkas juggle zanzibari marmalade';

function setup(): { dir: string; indexPath: string } {
  return { dir: copyKnowledge(), indexPath: path.join(makeTempDir('index'), 'nested', 'index.json') };
}

function appendToPlanning(dir: string): void {
  editFile(dir, 'guidelines.md', PLANNING_END, `${PLANNING_END} ${NEW_WORDS}.`);
}

/** Ids of the passages whose text holds the new sentence, and of the top passage found for its words. */
function findNewWords(index: SearchIndex): { edited: string[]; found: string | undefined } {
  const edited = index.kb.guideline.passages.filter((p) => p.text.includes(NEW_WORDS)).map((p) => p.id);
  return { edited, found: searchPassages(index, NEW_WORDS.toLowerCase()).hits[0]?.passage.id };
}

describe('loadOrBuildIndex', () => {
  it('builds and saves the index when there is none, then loads the saved one', () => {
    const { dir, indexPath } = setup();
    expect(loadOrBuildIndex(loadKnowledge(dir), indexPath).source).toBe('missing');
    expect(existsSync(indexPath)).toBe(true);
    expect(loadOrBuildIndex(loadKnowledge(dir), indexPath).source).toBe('prebuilt');
  });

  it('rebuilds a stale index after a knowledge file changes, so the new words are found', () => {
    const { dir, indexPath } = setup();
    loadOrBuildIndex(loadKnowledge(dir), indexPath);
    appendToPlanning(dir);

    const stale = loadOrBuildIndex(loadKnowledge(dir), indexPath);
    expect(stale.source).toBe('stale');
    const { edited, found } = findNewWords(stale.index);
    expect(edited).toHaveLength(1);
    expect(found).toBe(edited[0]);

    const saved = loadOrBuildIndex(loadKnowledge(dir), indexPath);
    expect(saved.source).toBe('prebuilt');
    expect(findNewWords(saved.index).found).toBe(edited[0]);
  });

  it('rebuilds an unreadable index file and still answers', async () => {
    const { dir, indexPath } = setup();
    loadOrBuildIndex(loadKnowledge(dir), indexPath);
    writeFileSync(indexPath, '{"format": 3, "knowledgeHash": "garbage', 'utf8');

    const { bot, index, indexSource } = loadBot({ knowledgeDir: dir, indexPath });
    expect(indexSource).toBe('unreadable');
    const text = 'is a book cover protected by copyright?';
    const [reply] = await bot.handle({ channel: 'console', conversation: 'c', user: 'u', text });
    expect(reply?.kind).toBe('answer');
    expect(reply?.citations[0]?.sectionId).toBe('appendix-a-intellectual-property');
    expect(searchPassages(index, 'copyright').hits.length).toBeGreaterThan(0);
    expect(loadOrBuildIndex(loadKnowledge(dir), indexPath).source).toBe('prebuilt');
  });

  it('rebuilds an index file made by other search code (its code hash differs)', () => {
    const { dir, indexPath } = setup();
    loadOrBuildIndex(loadKnowledge(dir), indexPath);
    const saved = JSON.parse(readFileSync(indexPath, 'utf8')) as { codeHash: string };
    expect(saved.codeHash).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(indexPath, JSON.stringify({ ...saved, codeHash: '0'.repeat(64) }));
    expect(loadOrBuildIndex(loadKnowledge(dir), indexPath).source).toBe('stale');
    expect(loadOrBuildIndex(loadKnowledge(dir), indexPath).source).toBe('prebuilt');
  });
});
