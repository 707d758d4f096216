import { choiceIds } from '../../../src/core/dialogs/choice-ids';
import { step } from '../../../src/core/dialogs/engine';
import type { Dialog, DialogInput, DialogState } from '../../../src/core/dialogs/types';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge';

// The engine on its own: a pure function of (dialog, state, input), checked on every step of every dialog.
const dialogs = loadKnowledge().dialogs;
const everyStep = dialogs.flatMap((dialog) =>
  [...dialog.steps.values()].map((s) => [`${dialog.id}/${s.id}`, dialog, s.id] as const),
);

/** A state at `stepId` with one earlier answer when the step is not the first, so "back" has somewhere to go. */
function at(dialog: Dialog, stepId: string): DialogState {
  const before = [...dialog.steps.values()].find((s) => s.options.some((o) => o.next === stepId));
  return {
    dialog: dialog.id,
    step: stepId,
    answers: before ? [{ step: before.id, option: before.options.find((o) => o.next === stepId)!.id }] : [],
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('step(dialog, state, input)', () => {
  it.each(everyStep)(
    '%s: a click, its number (except at a free-text step), its label and typed words select the same choice',
    (_n, dialog, id) => {
      const state = deepFreeze(at(dialog, id));
      const s = dialog.steps.get(id)!;
      s.options.forEach((option, i) => {
        const inputs: DialogInput[] = [
          { type: 'choice', id: choiceIds.answer(dialog.id, id, option.id) },
          ...(s.freeText ? [] : [{ type: 'text' as const, text: String(i + 1) }]),
          { type: 'text', text: option.label },
          { type: 'text', text: `  ${option.label.toUpperCase()}  ` },
        ];
        if (s.yesNo) {
          const typed = {
            yes: ['yes', 'y', 'Yes!'],
            no: ['no', 'n', 'nope'],
            'not-sure': ['not sure', "I don't know"],
          };
          for (const text of typed[option.id as keyof typeof typed]) inputs.push({ type: 'text', text });
        }
        const results = inputs.map((input) => step(dialog, state, input));
        for (const result of results) {
          expect(result.status).not.toBe('unrecognised');
          expect(result.answer).toEqual({ step: id, option: option.id });
          expect(JSON.stringify(result.state)).toBe(JSON.stringify(results[0]!.state));
          expect(result.replies[0]!.text).toBe(results[0]!.replies[0]!.text);
        }
      });
    },
  );

  it.each(everyStep)(
    '%s: yes/no questions offer "Yes", "No", "Not sure" in that order; all offer "Not sure"',
    (_n, dialog, id) => {
      const reply = step(dialog, at(dialog, id), { type: 'resume' }).replies[0]!;
      const labels = reply.choices.map((c) => c.label);
      if (dialog.steps.get(id)!.yesNo) expect(labels.slice(0, 3)).toEqual(['Yes', 'No', 'Not sure']);
      expect(labels).toContain('Not sure');
      expect(reply.kind).toBe('dialog');
      expect(reply.dialog).toMatchObject({ id: dialog.id, title: dialog.title, ended: false });
      expect(reply.dialog?.progress?.step).toBe(at(dialog, id).answers.length + 1);
      expect(Boolean(reply.sensitive)).toBe(dialog.sensitive);
    },
  );

  it.each(everyStep)('%s: back, start over and cancel work', (_n, dialog, id) => {
    const state = deepFreeze(at(dialog, id));
    const back = step(dialog, state, { type: 'text', text: 'back' });
    if (state.answers.length)
      expect(back.state).toEqual({ dialog: dialog.id, step: state.answers[0]!.step, answers: [] });
    else expect(back.state).toEqual(state);
    const over = step(dialog, state, { type: 'text', text: 'start over' });
    expect(over.state).toEqual({ dialog: dialog.id, step: dialog.first, answers: [] });
    const cancel = step(dialog, state, { type: 'choice', id: choiceIds.control(dialog.id, 'cancel') });
    expect(cancel.state).toBeUndefined();
    expect(cancel.status).toBe('cancelled');
    expect(cancel.replies[0]!.dialog?.ended).toBe(true);
  });

  it('re-asks with a hint, keeping the state, when it does not understand', () => {
    const dialog = dialogs.find((d) => d.id === 'approvals')!;
    const state = deepFreeze(at(dialog, dialog.first));
    const result = step(dialog, state, { type: 'text', text: 'what is the airspeed of a swallow' });
    expect(result.status).toBe('unrecognised');
    expect(result.state).toBe(state);
    expect(result.replies[0]!.text).toContain(dialog.messages.hint);
    expect(result.replies[0]!.text).toContain(dialog.steps.get(dialog.first)!.ask);
  });

  it("treats a click on an earlier question's button as stale, not as an answer", () => {
    const dialog = dialogs.find((d) => d.id === 'approvals')!;
    const second = [...dialog.steps.keys()][1]!;
    const state = at(dialog, second);
    const result = step(dialog, state, {
      type: 'choice',
      id: choiceIds.answer(dialog.id, dialog.first, 'yes'),
    });
    expect(result.status).toBe('unrecognised');
    expect(result.replies[0]!.text).toContain(dialog.messages.staleChoice);
  });

  it('keeps free text only until the dialog ends', () => {
    const dialog = dialogs.find((d) => d.id === 'incident')!;
    const freeStep = [...dialog.steps.values()].find((s) => s.freeText)!;
    const typed = step(dialog, at(dialog, freeStep.id), { type: 'text', text: 'Tuesday at noon' });
    expect(JSON.stringify(typed.state)).toContain('Tuesday at noon');
    let state = typed.state;
    let last = typed;
    for (let i = 0; state && i < 20; i++) {
      const current = dialog.steps.get(state.step)!;
      last = step(dialog, state, { type: 'text', text: current.freeText ? 'somewhere' : '1' });
      state = last.state;
    }
    expect(last.status).toBe('ended');
    expect(last.state).toBeUndefined();
    expect(last.replies[0]!.text).toContain('Tuesday at noon');
  });

  it('is pure: same input, same output, and the state stays plain JSON', () => {
    for (const dialog of dialogs) {
      const first = step(dialog, undefined, { type: 'start' });
      const again = step(dialog, undefined, { type: 'start' });
      expect(again).toEqual(first);
      expect(JSON.parse(JSON.stringify(first.state))).toEqual(first.state);
    }
  });
});
