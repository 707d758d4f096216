import { said, saidPhrase } from '../dialogs/phrase-words';
import type { Dialog } from '../dialogs/types';
import { listReply, resumeChoice, runDialog, startDialog } from './dialog-turns';
import { decorateAnswer, simpleReply } from './simple-replies';
import { nextState, type ConversationState, type TurnContext, type TurnResult } from './turn-result';

/**
 * Typed text while a dialog waits: an answer to its question when the engine understands it. Otherwise a
 * dialog only suggested by the last question steps aside (`asQuestion`); a dialog the person is in gives
 * way to another dialog asked for by name or in its own words, the dialog list, or a new question the
 * guideline answers (answered, with a choice to return). Anything else re-asks the question with a hint.
 */
export function textInDialog(
  ctx: TurnContext,
  state: ConversationState,
  dialog: Dialog,
  text: string,
  asQuestion: (state: ConversationState) => TurnResult,
): TurnResult {
  const result = runDialog(state, dialog, { type: 'text', text, today: ctx.today });
  if (result.status !== 'unrecognised') return result;
  if (state.tentative) {
    // The dialog was only suggested by the last question, and this is not an answer to it: it steps aside.
    const without = { ...state };
    delete without.dialog;
    delete without.tentative;
    return asQuestion(without);
  }
  const m = ctx.index.kb.messages.dialogs;
  const typed = said(text);
  if (m.listPhrases.some((p) => saidPhrase(p) === typed)) return listReply(ctx, state);
  const other = ctx.catalog.byName(text) ?? ctx.catalog.matchStart(text)?.dialog;
  if (other && other.id !== dialog.id) return startDialog(state, other, { lead: [simpleReply(m.switched)] });
  const answered = ctx.answer(text);
  if (answered.kind !== 'answer') return result;
  const replies = [decorateAnswer(ctx.catalog, answered, resumeChoice(ctx, state), dialog.id)];
  return {
    state: { ...nextState(state, replies), lastQuestion: text },
    replies,
    event: { dialog: { id: dialog.id } },
    privateText: [],
  };
}
