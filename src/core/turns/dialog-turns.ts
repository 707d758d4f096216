import { choiceIds } from '../dialogs/choice-ids';
import { step } from '../dialogs/engine';
import type { Dialog, DialogAnswer, DialogInput } from '../dialogs/types';
import { renderReplyText } from '../reply-text';
import type { Choice, Reply } from '../types';
import { simpleReply } from './simple-replies';
import {
  nextState,
  type ConversationState,
  type PausedDialog,
  type TurnContext,
  type TurnResult,
} from './turn-result';

/** Runs one engine step and keeps its state; free text of the dialog stays out of what observers see. */
export function runDialog(
  state: ConversationState,
  dialog: Dialog,
  input: DialogInput,
  lead: TurnResult['replies'] = [],
): TurnResult {
  const before = state.dialog?.dialog === dialog.id ? state.dialog : undefined;
  const result = step(dialog, before, input);
  const typed = [...(before?.answers ?? []), ...(result.state?.answers ?? [])]
    .map((a) => a.text)
    .filter((t): t is string => t !== undefined);
  const replies = [...lead, ...result.replies];
  // A dialog that ends offers a way back to one it interrupted.
  if (!result.state && state.paused && state.paused.dialog !== dialog.id)
    replies[replies.length - 1] = withChoices(replies[replies.length - 1]!, [
      pausedChoice(dialog, state.paused),
    ]);
  // Any answer, click or command makes a dialog started from a question's words a real one.
  const tentative = input.type === 'start' ? state.tentative : undefined;
  // What the next turn's "back" or follow-up acts on; free text is never kept past the end.
  const finished =
    result.outcome && before
      ? { dialog: dialog.id, step: result.outcome, answers: forgetText([...before.answers, result.answer!]) }
      : undefined;
  return {
    state: nextState(state, replies, { dialog: result.state, tentative, finished }),
    replies,
    event: { dialog: { id: dialog.id, ...(result.outcome && { outcome: result.outcome }) } },
    privateText: [...new Set(typed)],
    status: result.status,
    ...(result.answer && {
      answer: { dialog: dialog.id, step: result.answer.step, option: result.answer.option },
    }),
  };
}

/** The "Back to: <title>" choice for a dialog left for another one. */
export function pausedChoice(dialog: Dialog, paused: PausedDialog): Choice {
  const label = dialog.messages.returnTo.replace('{title}', paused.title);
  return { id: choiceIds.resumePaused(paused.dialog), label };
}

/** The reply with more choices at the end (its plain text numbers them too, under `heading` if any). */
export function withChoices(reply: Reply, extra: Choice[], heading?: string): Reply {
  const more: Reply = { ...reply, choices: [...reply.choices, ...extra] };
  return { ...more, text: renderReplyText(more, heading) };
}

const forgetText = (answers: DialogAnswer[]): DialogAnswer[] =>
  answers.map((a) => ({ step: a.step, option: a.option }));

/**
 * Starts `dialog` (at `stepId`, when given), replacing any dialog in progress; with `pause`, the dialog in
 * progress is kept, with its answers, and the first question offers to go back to it.
 */
export function startDialog(
  state: ConversationState,
  dialog: Dialog,
  options: { step?: string; lead?: TurnResult['replies']; tentative?: boolean; pause?: Dialog } = {},
): TurnResult {
  const paused = options.pause && state.dialog && { ...state.dialog, title: options.pause.title };
  const rest: ConversationState = { ...state, tentative: options.tentative, ...(paused && { paused }) };
  delete rest.dialog;
  const started = runDialog(
    rest,
    dialog,
    { type: 'start', ...(options.step && { step: options.step }) },
    options.lead,
  );
  if (!paused) return started;
  const replies = [...started.replies];
  replies[replies.length - 1] = withChoices(replies[replies.length - 1]!, [pausedChoice(dialog, paused)]);
  return { ...started, replies, state: nextState(started.state, replies) };
}

/** The state with the paused dialog `id` back in progress (unchanged when none is paused under that id). */
export function unpause(state: ConversationState, id: string | undefined): ConversationState {
  if (!id || state.paused?.dialog !== id) return state;
  const { dialog, step, answers } = state.paused;
  const back: ConversationState = { ...state, dialog: { dialog, step, answers } };
  delete back.paused;
  delete back.tentative;
  return back;
}

/**
 * True while the last reply asked a free-text question ("When was it noticed?"): typed text answers it. After
 * an answer with "Back to" in between, a typed number picks that answer's choices as usual.
 */
export function atFreeTextStep(ctx: TurnContext, state: ConversationState): boolean {
  const dialog = state.dialog && ctx.catalog.get(state.dialog.dialog);
  const step = dialog?.steps.get(state.dialog!.step);
  if (!dialog || !step?.freeText) return false;
  const asked = choiceIds.answer(dialog.id, step.id, '');
  return state.offered.some((c) => c.id.startsWith(asked));
}

/** The "Back to: <dialog>" choice offered while a dialog waits. */
export function resumeChoice(ctx: TurnContext, state: ConversationState): Choice[] {
  const dialog = state.dialog && ctx.catalog.get(state.dialog.dialog);
  if (!dialog) return [];
  return [
    { id: choiceIds.resume, label: ctx.index.kb.messages.dialogs.returnTo.replace('{title}', dialog.title) },
  ];
}

/** A dialog's choice arrived but the store no longer has the dialog (it expired): offer to start again. */
export function expiredReply(ctx: TurnContext, state: ConversationState, dialogId?: string): TurnResult {
  const m = ctx.index.kb.messages.dialogs;
  const dialog = dialogId ? ctx.catalog.get(dialogId) : undefined;
  const replies = dialog
    ? [
        simpleReply(m.expired, {
          choices: [{ id: choiceIds.start(dialog.id), label: m.labels.startAgain }],
          sensitive: dialog.sensitive,
        }),
      ]
    : [simpleReply(m.nothingWaiting, { choices: ctx.catalog.startChoices() })];
  return { state: nextState(state, replies), replies, event: {}, privateText: [] };
}

/** Every dialog as a choice, after the list's intro (and "Back to" when one is waiting). */
export function listReply(ctx: TurnContext, state: ConversationState): TurnResult {
  const choices = [...ctx.catalog.startChoices(), ...resumeChoice(ctx, state)];
  const replies = [simpleReply(ctx.index.kb.messages.dialogs.listIntro, { choices })];
  return { state: nextState(state, replies), replies, event: {}, privateText: [] };
}
