import { execFileSync } from 'node:child_process';
import { codeHash } from '../../../src/core/memo/code-hash';
import { REPO_ROOT } from '../../helpers/knowledge-copy';

// Files built by code are keyed on that code's sources: tests (ts-jest) and the build must agree, or every
// test run would retrain the model the build made.
describe('codeHash', () => {
  it('is the same from the TypeScript sources and from the build', () => {
    const built = execFileSync(
      process.execPath,
      [
        '-e',
        "console.log(require('./dist/core/memo/code-hash').codeHash(['core/understand', 'core/search']))",
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    ).trim();
    expect(codeHash(['core/understand', 'core/search'])).toBe(built);
    expect(codeHash(['core/understand'])).not.toBe(built);
  });
});
