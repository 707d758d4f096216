import type { Dialog } from '../../core/dialogs/types';
import type { Reply } from '../../core/types';

/** Where a dialog step stands: its id, and how many questions are left to an outcome, itself included. */
export interface DialogProgress {
  step: string;
  left: { least: number; most: number };
}

/**
 * The progress of a dialog reply, for the page's "Step 2 of 4": the step is read from its choice ids
 * (`dialog:<dialog>:<step>:<option>`); undefined on an outcome or a step without choices.
 */
export function dialogProgress(dialogs: Dialog[], reply: Reply): DialogProgress | undefined {
  const id = reply.dialog && !reply.dialog.ended ? reply.dialog.id : undefined;
  const dialog = dialogs.find((d) => d.id === id);
  if (!dialog) return undefined;
  const step = reply.choices
    .map((choice) => choice.id.split(':'))
    .find(([kind, owner]) => kind === 'dialog' && owner === dialog.id)?.[2];
  if (!step || !dialog.steps.has(step)) return undefined;
  return { step, left: questionsLeft(dialog, step, new Map()) };
}

// Dialogs are checked for loops when they load, so the walk ends.
function questionsLeft(
  dialog: Dialog,
  stepId: string,
  known: Map<string, DialogProgress['left']>,
): DialogProgress['left'] {
  const cached = known.get(stepId);
  if (cached) return cached;
  const step = dialog.steps.get(stepId)!;
  const nexts = [...step.options.map((o) => o.next), ...(step.freeText ? [step.freeText.next] : [])];
  let least = Infinity;
  let most = 0;
  for (const next of nexts) {
    const after = dialog.steps.has(next) ? questionsLeft(dialog, next, known) : { least: 0, most: 0 };
    least = Math.min(least, after.least + 1);
    most = Math.max(most, after.most + 1);
  }
  const left = { least: Number.isFinite(least) ? least : 1, most: Math.max(most, 1) };
  known.set(stepId, left);
  return left;
}
