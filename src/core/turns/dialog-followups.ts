import { choiceIds } from '../dialogs/choice-ids';
import { saidPhrase } from '../dialogs/phrase-words';
import type { Dialog } from '../dialogs/types';
import { words } from '../search/text';
import type { Reply } from '../types';
import { runDialog, startDialog } from './dialog-turns';
import { simpleReply } from './simple-replies';
import { nextState, type ConversationState, type TurnContext, type TurnResult } from './turn-result';

const said = (text: string): string => words(text).join(' ');

/**
 * The dialog in progress or just finished whose opening must come with every follow-up: the incident
 * report's "do this now" (the guideline says report immediately, so the numbers are never left out).
 */
export function urgentDialog(ctx: TurnContext, state: ConversationState): Dialog | undefined {
  const id = state.dialog?.dialog ?? state.finished?.dialog;
  const dialog = id ? ctx.catalog.get(id) : undefined;
  return dialog?.intro ? dialog : undefined;
}

/** The turn's replies led by the urgent dialog's opening (with its contacts), unless they already say it. */
export function withUrgentLead(ctx: TurnContext, state: ConversationState, result: TurnResult): TurnResult {
  const dialog = urgentDialog(ctx, state);
  const intro = dialog?.intro;
  if (!dialog || !intro || result.replies.some((r) => r.text.includes(intro.say))) return result;
  const lead: Reply = simpleReply(intro.say, { contacts: intro.contacts, sensitive: dialog.sensitive });
  return { ...result, replies: [lead, ...result.replies] };
}

/**
 * The turn right after an outcome: "back" reopens the last question (free text was not kept), "start over"
 * starts the dialog again, "cancel" says it already ended; any other message is handled by `otherwise`,
 * with the incident numbers first after the incident report.
 */
export function afterOutcome(
  ctx: TurnContext,
  state: ConversationState,
  text: string,
  otherwise: (state: ConversationState) => TurnResult,
): TurnResult {
  const finished = state.finished!;
  const dialog = ctx.catalog.get(finished.dialog);
  if (!dialog) return otherwise(state);
  const m = dialog.messages;
  const typed = said(text);
  const is = (list: string[]): boolean => list.some((p) => saidPhrase(p) === typed);
  const last = finished.answers[finished.answers.length - 1];
  if (is(m.words.back) && last) {
    const reopened = { dialog: dialog.id, step: last.step, answers: finished.answers.slice(0, -1) };
    return runDialog({ ...state, dialog: reopened }, dialog, { type: 'resume' });
  }
  if (is(m.words.startOver)) return startDialog(state, dialog, { lead: [simpleReply(m.restarted)] });
  if (is(m.words.cancel)) {
    const replies = [
      simpleReply(m.alreadyEnded, {
        choices: [{ id: choiceIds.start(dialog.id), label: m.labels.startAgain }],
        sensitive: dialog.sensitive,
      }),
    ];
    return { state: nextState(state, replies), replies, event: {}, privateText: [] };
  }
  return withUrgentLead(ctx, state, otherwise(state));
}
