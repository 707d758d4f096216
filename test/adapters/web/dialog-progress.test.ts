import { dialogProgress } from '../../../src/adapters/web/dialog-progress';
import type { Dialog, DialogStep } from '../../../src/core/dialogs/types';
import type { Reply } from '../../../src/core/types';

// "Step 2 of 4" in the web chat: how many questions are left from the step a reply asks.
const step = (id: string, nexts: string[]): DialogStep => ({
  id,
  ask: `${id}?`,
  record: id,
  yesNo: false,
  options: nexts.map((next, i) => ({ id: `o${i}`, label: `to ${next}`, next, notes: [] })),
});
// first -> (short: outcome) | (long: middle -> last -> outcome)
const dialog = {
  id: 'check',
  title: 'A check',
  first: 'first',
  steps: new Map([
    ['first', step('first', ['done', 'middle'])],
    ['middle', step('middle', ['last'])],
    ['last', step('last', ['done'])],
  ]),
  outcomes: new Map([['done', {}]]),
} as unknown as Dialog;

const asking = (stepId: string, ended = false): Reply => ({
  kind: 'dialog',
  text: '',
  passages: [],
  citations: [],
  contacts: [],
  dialog: { id: 'check', title: 'A check', ended },
  choices: [
    ...dialog.steps
      .get(stepId)!
      .options.map((o) => ({ id: `dialog:check:${stepId}:${o.id}`, label: o.label })),
    { id: 'dialog-control:check:cancel', label: 'Cancel' },
  ],
});

describe('dialogProgress', () => {
  it('counts the questions left by the shortest and the longest way, the step itself included', () => {
    expect(dialogProgress([dialog], asking('first'))).toEqual({ step: 'first', left: { least: 1, most: 3 } });
    expect(dialogProgress([dialog], asking('middle'))).toEqual({
      step: 'middle',
      left: { least: 2, most: 2 },
    });
    expect(dialogProgress([dialog], asking('last'))).toEqual({ step: 'last', left: { least: 1, most: 1 } });
  });

  it('says nothing on an outcome, or for a dialog it does not know', () => {
    expect(dialogProgress([dialog], asking('first', true))).toBeUndefined();
    expect(dialogProgress([], asking('first'))).toBeUndefined();
  });
});
