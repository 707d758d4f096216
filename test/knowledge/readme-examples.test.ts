import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { copyKnowledge, editFile, REPO_ROOT, removeTempDirs } from '../helpers/knowledge-copy';

// What the README shows the bot saying must be what it says.
afterAll(removeTempDirs);

it('the README example of a dialog error is the error a misspelt step gives, at the place it names', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const example = /`knowledge\/(dialogs\/approvals\.yaml:\d+:\d+: [^`]*"isue"[^`]*)`/.exec(readme)?.[1];
  expect(example).toBe(
    'dialogs/approvals.yaml:26:20: steps.new-use.yesNo.yes.next: "isue" is neither a step nor an outcome of this dialog',
  );
  const dir = copyKnowledge();
  editFile(
    dir,
    'dialogs/approvals.yaml',
    'yes: { next: issue, notes: [business-plan] }',
    'yes: { next: isue, notes: [business-plan] }',
  );
  expect(() => loadKnowledge(dir)).toThrow(`${dir}/${example}`);
});
