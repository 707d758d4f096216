import type { Reply } from '../types';
import { fromChoiceId, resolveTyped, type Resolved } from './resolve-answer';
import { dialogReply, noteIdsOf, outcomeReply, questionReply } from './render-step';
import type { Dialog, DialogAnswer, DialogInput, DialogState, StepStatus } from './types';
import { choiceIds } from './choice-ids';

/** The option id a free-text answer is recorded under. */
const FREE_TEXT = 'text';

interface StepResult {
  /** The state to keep; undefined once the dialog has ended (nothing of it is kept, free text included). */
  state: DialogState | undefined;
  replies: Reply[];
  status: StepStatus;
  /** The outcome id, when this step reached one. */
  outcome?: string;
  /** The answer this turn gave, when it gave one. */
  answer?: DialogAnswer;
}

/**
 * The dialog engine: one turn in, the next state and replies out. Pure: no I/O, no clock (the date for the
 * decision record comes in the input), and it never throws on what a person typed or clicked.
 */
export function step(dialog: Dialog, state: DialogState | undefined, input: DialogInput): StepResult {
  const m = dialog.messages;
  if (input.type === 'start' || !state || state.dialog !== dialog.id || !dialog.steps.has(state.step)) {
    const at =
      input.type === 'start' && input.step && dialog.steps.has(input.step) ? input.step : dialog.first;
    const fresh: DialogState = { dialog: dialog.id, step: at, answers: [] };
    const intro = at === dialog.first ? dialog.intro : undefined;
    return {
      state: fresh,
      replies: [questionReply(dialog, fresh, intro?.say, intro && [intro])],
      status: 'asked',
    };
  }
  if (input.type === 'resume') return { state, replies: [questionReply(dialog, state)], status: 'asked' };

  const current = dialog.steps.get(state.step)!;
  const resolved: Resolved | undefined =
    input.type === 'choice'
      ? fromChoiceId(dialog, current, input.id)
      : resolveTyped(dialog, current, state.answers.length, input.text);
  if (!resolved) {
    const hint = input.type === 'choice' ? m.staleChoice : current.freeText ? m.freeTextHint : m.hint;
    return { state, replies: [questionReply(dialog, state, hint)], status: 'unrecognised' };
  }

  if (resolved.type === 'control') {
    if (resolved.control === 'cancel') {
      const reply = dialogReply(dialog, {
        intro: m.cancelled,
        ended: true,
        choices: [{ id: choiceIds.start(dialog.id), label: m.labels.startAgain }],
      });
      return { state: undefined, replies: [reply], status: 'cancelled' };
    }
    if (resolved.control === 'start-over') {
      // Starting over shows the dialog's opening again (the incident report's numbers).
      const fresh: DialogState = { dialog: dialog.id, step: dialog.first, answers: [] };
      const lead = [m.restarted, dialog.intro?.say].filter(Boolean).join('\n\n');
      const reply = questionReply(dialog, fresh, lead, dialog.intro && [dialog.intro]);
      return { state: fresh, replies: [reply], status: 'asked' };
    }
    const previous = state.answers[state.answers.length - 1];
    if (!previous) return { state, replies: [questionReply(dialog, state, m.atFirstStep)], status: 'asked' };
    const back: DialogState = { ...state, step: previous.step, answers: state.answers.slice(0, -1) };
    return { state: back, replies: [questionReply(dialog, back)], status: 'asked' };
  }

  const answer: DialogAnswer =
    resolved.type === 'option'
      ? { step: current.id, option: resolved.option.id }
      : { step: current.id, option: FREE_TEXT, text: resolved.text };
  const next = resolved.type === 'option' ? resolved.option.next : current.freeText!.next;
  const answered: DialogState = { ...state, step: next, answers: [...state.answers, answer] };
  if (dialog.steps.has(next)) {
    // Notes this answer adds are shown now, so someone who stops part way has seen them.
    const notes = noteIdsOf(dialog, answer.step, answer.option).map((id) => dialog.notes.get(id)!);
    const lead = notes.length ? [m.notesHeading, ...notes.map((n) => `- ${n.say}`)].join('\n') : undefined;
    const reply = questionReply(dialog, answered, lead, notes.length ? notes : undefined);
    return { state: answered, replies: [reply], status: 'answered', answer };
  }
  return {
    state: undefined,
    replies: [outcomeReply(dialog, answered, next, input.stamp)],
    status: 'ended',
    outcome: next,
    answer,
  };
}
