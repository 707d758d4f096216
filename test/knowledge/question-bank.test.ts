import path from 'node:path';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { modelKey } from '../../src/core/understand/model-file';
import { runCli } from '../helpers/cli';
import { copyKnowledge, editFile, lineOf, removeTempDirs } from '../helpers/knowledge-copy';

// Bank examples point at passages by section and anchor, so inserting a paragraph never re-points them;
// a group whose passage is gone is named, never silently moved to another passage.
afterAll(removeTempDirs);

const ANCHOR = "anchor: 'Personal information has a special meaning in FOIPPA'";
const FILE = 'questions/passages-appendix.yaml';

describe('the question bank', () => {
  it('resolves every shipped group to exactly one passage', () => {
    const kb = loadKnowledge();
    expect(kb.bank.unresolved).toEqual([]);
    const passage = kb.guideline.passages.find((p) =>
      p.text.includes('Personal information has a special meaning'),
    );
    expect(kb.bank.passages.find((g) => g.passageId === passage!.id)?.examples.length).toBeGreaterThanOrEqual(
      10,
    );
  });

  it('loads the same bank every time (the model made from it is found again, not retrained)', () => {
    const first = loadKnowledge();
    const again = loadKnowledge();
    expect(again.bank).toEqual(first.bank);
    expect(modelKey(again)).toBe(modelKey(first));
  });

  it('keeps examples on their passage when a paragraph is inserted before it', () => {
    const before = loadKnowledge();
    const dir = copyKnowledge();
    const first = before.guideline.passages.find((p) => p.sectionId === 'appendix-a-privacy')!;
    editFile(
      dir,
      'guidelines.md',
      first.markdown,
      `A new first paragraph, inserted by an editor.\n\n${first.markdown}`,
    );
    const after = loadKnowledge(dir);
    const textOf = (kb: typeof before, id: string) => kb.guideline.passages.find((p) => p.id === id)!.text;
    for (const group of before.bank.passages.filter((g) => g.passageId.startsWith('appendix-a-privacy/'))) {
      const moved = after.bank.passages.find((g) => g.examples[0] === group.examples[0])!;
      expect(moved.passageId).not.toBe(group.passageId);
      expect(textOf(after, moved.passageId)).toBe(textOf(before, group.passageId));
    }
  });

  it('leaves out a group whose anchor matches no passage, naming the file, line and reason', () => {
    const dir = copyKnowledge();
    editFile(dir, FILE, ANCHOR, "anchor: 'words no passage holds'");
    const kb = loadKnowledge(dir);
    expect(kb.bank.unresolved).toEqual([
      {
        where: `${path.join(dir, FILE)}:${lineOf(dir, FILE, 'words no passage holds') - 1}:5`,
        section: 'appendix-a-privacy',
        anchor: 'words no passage holds',
        reason: 'no passage of appendix-a-privacy contains the anchor "words no passage holds"',
      },
    ]);
  });

  it('leaves out a group whose section does not exist', () => {
    const dir = copyKnowledge();
    editFile(dir, FILE, 'section: appendix-a-privacy', 'section: appendix-a-gone');
    expect(loadKnowledge(dir).bank.unresolved.map((g) => g.reason)).toEqual([
      'no section has the id "appendix-a-gone" in guidelines.md',
    ]);
  });

  it('knowledge check fails on such a group and names it', () => {
    const dir = copyKnowledge();
    editFile(dir, FILE, ANCHOR, "anchor: 'words no passage holds'");
    const result = runCli(['knowledge', 'check', '--file', '/nonexistent.jsonl'], {
      env: { GUIDEBOT_KNOWLEDGE_DIR: dir },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL .*passages-appendix\.yaml:\d+:\d+: the examples for appendix-a-privacy "words no passage holds" point at no passage/m,
    );
  });
});
