import { choiceIds } from '../dialogs/choice-ids';
import { step } from '../dialogs/engine';
import type { Dialog, DialogInput } from '../dialogs/types';
import type { Choice } from '../types';
import { simpleReply } from './simple-replies';
import { nextState, type ConversationState, type TurnContext, type TurnResult } from './turn-result';

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
  // Any answer, click or command makes a dialog started from a question's words a real one.
  const tentative = input.type === 'start' ? state.tentative : undefined;
  return {
    state: nextState(state, replies, { dialog: result.state, tentative }),
    replies,
    event: { dialog: { id: dialog.id, ...(result.outcome && { outcome: result.outcome }) } },
    privateText: [...new Set(typed)],
    status: result.status,
    ...(result.answer && {
      answer: { dialog: dialog.id, step: result.answer.step, option: result.answer.option },
    }),
  };
}

/** Starts `dialog` (at `stepId`, when given), replacing any dialog in progress. */
export function startDialog(
  state: ConversationState,
  dialog: Dialog,
  options: { step?: string; lead?: TurnResult['replies']; tentative?: boolean } = {},
): TurnResult {
  const rest = { ...state, tentative: options.tentative };
  delete rest.dialog;
  return runDialog(
    rest,
    dialog,
    { type: 'start', ...(options.step && { step: options.step }) },
    options.lead,
  );
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
