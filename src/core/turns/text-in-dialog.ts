import { saidPhrase } from '../dialogs/phrase-words';
import type { Dialog } from '../dialogs/types';
import { words } from '../search/text';
import { listReply, resumeChoice, runDialog, startDialog } from './dialog-turns';
import { withIncidentNumbers } from './incident-net';
import { decorateAnswer, simpleReply } from './simple-replies';
import { nextState, type ConversationState, type TurnContext, type TurnResult } from './turn-result';

const said = (text: string): string => words(text).join(' ');

/**
 * Typed text while a dialog waits: an answer to its question when the engine understands it. Otherwise a
 * dialog only suggested by the last question steps aside (`asQuestion`); a dialog the person is in gives
 * way to another dialog asked for by name or that the model reads the message as asking for, the dialog list, or a new question the
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
  const understood = ctx.understand(text);
  const { intent } = understood;
  const other =
    ctx.catalog.byName(text) ?? (intent.kind === 'dialog' ? ctx.catalog.get(intent.dialogId) : undefined);
  if (other && other.id !== dialog.id) return startDialog(state, other, { lead: [simpleReply(m.switched)] });
  const answered = ctx.answer(text);
  if (answered.kind !== 'answer') return result;
  const replies = [decorateAnswer(ctx.catalog, answered, resumeChoice(ctx, state), dialog.id)];
  const turn: TurnResult = {
    state: { ...nextState(state, replies), lastQuestion: text },
    replies,
    event: { dialog: { id: dialog.id } },
    privateText: [],
  };
  return withIncidentNumbers(ctx, turn, understood);
}
