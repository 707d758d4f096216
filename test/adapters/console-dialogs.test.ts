import path from 'node:path';
import type { Dialog } from '../../src/core/dialogs/types';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import type { Reply } from '../../src/core/types';
import { runCli } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';

// The terminal channel walks every dialog: `guidebot chat --json`, one turn per line, where typing a
// choice's label selects it, exactly as a person at a terminal would.
afterAll(removeTempDirs);
const dialogs = loadKnowledge().dialogs;

/** The lines that walk `dialog` along the path of its `pick`-th option at each step (the last when fewer). */
function walk(dialog: Dialog, pick: number): { lines: string[]; outcome: string } {
  const lines = [dialog.title];
  let at = dialog.first;
  for (let guard = 0; dialog.steps.has(at) && guard < 50; guard++) {
    const step = dialog.steps.get(at)!;
    if (step.freeText && pick === 0) {
      lines.push('about an hour ago');
      at = step.freeText.next;
      continue;
    }
    const option = step.options[Math.min(pick, step.options.length - 1)]!;
    lines.push(option.label);
    at = option.next;
  }
  return { lines, outcome: dialog.outcomes.get(at)!.title };
}

function chat(lines: string[]): Reply[] {
  const indexPath = path.join(makeTempDir('cli-dialogs'), 'index.json');
  const result = runCli(['chat', '--json'], {
    input: `${lines.join('\n')}\n`,
    env: { GUIDEBOT_INDEX_PATH: indexPath },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => (JSON.parse(l) as { replies: Reply[] }).replies);
}

describe('guidebot chat --json walks each dialog by typed labels', () => {
  it.each(dialogs.map((d) => [d.id, d] as const))(
    '%s, first and last choices, to an outcome',
    (_id, dialog) => {
      for (const pick of [0, 9]) {
        const { lines, outcome } = walk(dialog, pick);
        const replies = chat(lines);
        const dialogReplies = replies.filter((r) => r.dialog?.id === dialog.id);
        // One question per line typed, then the outcome.
        expect(dialogReplies).toHaveLength(lines.length);
        expect(
          dialogReplies.slice(0, -1).every((r) => r.kind === 'dialog' && r.dialog?.ended === false),
        ).toBe(true);
        const end = dialogReplies[dialogReplies.length - 1]!;
        expect(end.dialog?.ended).toBe(true);
        expect(end.text.startsWith(outcome)).toBe(true);
        expect(end.text).toContain('Decision record');
        expect(end.text).toContain(dialog.source.meta.version);
      }
    },
  );
});

describe('guidebot chat (interactive)', () => {
  it('shows the welcome with the dialogs; typing a number first starts that dialog', () => {
    const indexPath = path.join(makeTempDir('cli-welcome'), 'index.json');
    const result = runCli(['chat'], { input: '2\nexit\n', env: { GUIDEBOT_INDEX_PATH: indexPath } });
    expect(result.status).toBe(0);
    dialogs.forEach((d, i) => expect(result.stdout).toContain(`${i + 1}. ${d.title}`));
    const second = dialogs[1]!;
    expect(result.stdout).toContain(second.steps.get(second.first)!.ask);
  });

  it('"exit" or "quit" during a guided check cancels the check; a second one leaves (issue 16 item 13)', () => {
    const indexPath = path.join(makeTempDir('cli-exit'), 'index.json');
    const input = 'privacy check\nexit\nhello\nquit\nhello\n';
    const result = runCli(['chat'], { input, env: { GUIDEBOT_INDEX_PATH: indexPath } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Okay, I stopped the guided check. Nothing from it was kept.');
    // The first "hello" (after the cancel) is answered; the one after "quit" never reaches the bot.
    expect(result.stdout.split('Hello! I answer questions').length - 1).toBe(1);
  });

  it('Ctrl+D (end of input) leaves even during a guided check', () => {
    const indexPath = path.join(makeTempDir('cli-eof'), 'index.json');
    const result = runCli(['chat'], { input: 'privacy check\n', env: { GUIDEBOT_INDEX_PATH: indexPath } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Does the content contain personal information');
  });
});
