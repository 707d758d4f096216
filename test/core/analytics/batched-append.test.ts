import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBatchedAppender } from '../../../src/core/analytics/batched-append';

describe('batched appends', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'guidebot-batched-'));

  it('write every line whole, in order, when many arrive at once', async () => {
    const append = createBatchedAppender(0o600);
    const file = path.join(dir, 'events.jsonl');
    const lines = Array.from({ length: 500 }, (_, i) => `${JSON.stringify({ n: i, pad: 'x'.repeat(i) })}\n`);
    await Promise.all(lines.map((line) => append(file, line)));
    expect(readFileSync(file, 'utf8')).toBe(lines.join(''));
  });

  it('resolve each append only after its line is on disk', async () => {
    const append = createBatchedAppender(0o600);
    const file = path.join(dir, 'one-by-one.jsonl');
    const first = append(file, 'a\n');
    const second = append(file, 'b\n');
    await first;
    expect(readFileSync(file, 'utf8')).toMatch(/^a\n/);
    await second;
    expect(readFileSync(file, 'utf8')).toBe('a\nb\n');
  });

  it('reject the appends of a failed write, and keep writing later ones', async () => {
    const append = createBatchedAppender(0o600);
    const missing = path.join(dir, 'no-such-folder', 'events.jsonl');
    await expect(append(missing, 'lost\n')).rejects.toThrow(/ENOENT/);
    const file = path.join(dir, 'after-failure.jsonl');
    await append(file, 'kept\n');
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
  });
});
