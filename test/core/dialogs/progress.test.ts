import { choiceIds } from '../../../src/core/dialogs/choice-ids';
import { step } from '../../../src/core/dialogs/engine';
import type { DialogState } from '../../../src/core/dialogs/types';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge';
import type { Reply } from '../../../src/core/types';

// "Step 2 of 4": the engine counts, so every channel shows the same. The total is the answers so far plus
// the longest way left; `exact` is false while a shorter way is still open.
const dialogs = loadKnowledge().dialogs;
const dialog = (id: string) => dialogs.find((d) => d.id === id)!;

/** Walks a dialog by clicking `answers` (step:option), returning each question's progress. */
function walk(id: string, answers: string[]): { progress: Reply['dialog']; state: DialogState }[] {
  const d = dialog(id);
  let result = step(d, undefined, { type: 'start' });
  const seen = [{ progress: result.replies[0]!.dialog, state: result.state! }];
  for (const answer of answers) {
    const [at, option] = answer.split(':') as [string, string];
    result = step(d, result.state, { type: 'choice', id: choiceIds.answer(id, at, option) });
    seen.push({ progress: result.replies[0]!.dialog, state: result.state! });
  }
  return seen;
}
const progressOf = (seen: ReturnType<typeof walk>) => seen.map((s) => s.progress?.progress);

describe('dialog progress from the engine', () => {
  it('counts a linear dialog exactly: Step 1 of 4 ... Step 4 of 4, then the outcome has none', () => {
    const seen = walk('approvals', ['new-use:yes', 'issue:no', 'media:no', 'logos:no']);
    expect(progressOf(seen)).toEqual([
      { step: 1, total: 4, exact: true },
      { step: 2, total: 4, exact: true },
      { step: 3, total: 4, exact: true },
      { step: 4, total: 4, exact: true },
      undefined,
    ]);
    expect(seen.at(-1)!.progress).toMatchObject({ id: 'approvals', ended: true });
  });

  it('counts a branching dialog by the longest way left, and narrows as the answers close branches', () => {
    // personal -> host -> direction -> (collecting) third-party -> necessary: five questions at most, one
    // at least ("no personal information" ends it at once).
    expect(
      progressOf(walk('privacy', ['personal:yes', 'host:no', 'direction:collecting', 'third-party:no'])),
    ).toEqual([
      { step: 1, total: 5, exact: false },
      { step: 2, total: 5, exact: false },
      { step: 3, total: 5, exact: false },
      { step: 4, total: 5, exact: false },
      { step: 5, total: 5, exact: true },
    ]);
    // Disclosing leaves one question: the total falls to the exact four.
    const disclosing = walk('privacy', ['personal:yes', 'host:no', 'direction:disclosing']);
    expect(progressOf(disclosing).at(-1)).toEqual({ step: 4, total: 4, exact: true });
    // Back reopens the question before, with its count.
    const back = step(dialog('privacy'), disclosing.at(-1)!.state, { type: 'text', text: 'back' });
    expect(back.replies[0]!.dialog?.progress).toEqual({ step: 3, total: 5, exact: false });
  });

  it('gives every question of every dialog a count, from 1 where nothing was answered yet', () => {
    for (const d of dialogs)
      for (const s of d.steps.values()) {
        const reply = step(d, { dialog: d.id, step: s.id, answers: [] }, { type: 'resume' }).replies[0]!;
        const progress = reply.dialog!.progress!;
        expect(progress.step).toBe(1);
        expect(progress.total).toBeGreaterThanOrEqual(1);
      }
  });
});
