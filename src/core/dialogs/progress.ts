import type { Dialog, DialogState } from './types';

/** Where a dialog's question stands, the same for every channel ("Step 2 of 4"). */
export interface StepProgress {
  /** This question's number: the answers given so far, plus one. */
  step: number;
  /** The questions the dialog takes in all, by the longest way still open from this question. */
  total: number;
  /** True when every way from here takes that many questions (always so on a linear dialog). */
  exact: boolean;
}

/**
 * The progress of the question `state` is at. The total is the answers given so far plus the longest way
 * from this question to an outcome (this question included): on a linear dialog that is exact; on a
 * branching one it is the most the person can still be asked, so it never promises fewer questions than
 * they may get, and it falls to the exact count as their answers close off the longer branches ("Step 2 of
 * 5", then "Step 3 of 3"). `exact` lets a channel say "of up to" while a shorter way is still open.
 */
export function stepProgress(dialog: Dialog, state: DialogState): StepProgress {
  const left = questionsLeft(dialog, state.step);
  const done = state.answers.length;
  return { step: done + 1, total: done + left.most, exact: left.least === left.most };
}

const memo = new WeakMap<Dialog, Map<string, { least: number; most: number }>>();

// Questions left to an outcome by the shortest and the longest way, this one included. Dialogs are
// checked for loops when they load, so the walk ends; each dialog's counts are worked out once.
function questionsLeft(dialog: Dialog, stepId: string): { least: number; most: number } {
  let known = memo.get(dialog);
  if (!known) memo.set(dialog, (known = new Map()));
  const cached = known.get(stepId);
  if (cached) return cached;
  const step = dialog.steps.get(stepId);
  if (!step) return { least: 1, most: 1 };
  const nexts = [...step.options.map((o) => o.next), ...(step.freeText ? [step.freeText.next] : [])];
  let least = Infinity;
  let most = 0;
  for (const next of nexts) {
    const after = dialog.steps.has(next) ? questionsLeft(dialog, next) : { least: 0, most: 0 };
    least = Math.min(least, after.least + 1);
    most = Math.max(most, after.most + 1);
  }
  const left = { least: Number.isFinite(least) ? least : 1, most: Math.max(most, 1) };
  known.set(stepId, left);
  return left;
}
