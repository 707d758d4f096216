import { said, saidPhrase } from '../dialogs/phrase-words';
import type { Dialog } from '../dialogs/types';
import { listReply, resumeChoice, runDialog, startDialog, withChoices } from './dialog-turns';
import { withUrgentLead } from './dialog-followups';
import { INCIDENT_DIALOG, withIncidentNumbers } from './incident-net';
import { decorateAnswer, simpleReply } from './simple-replies';
import { nextState, type ConversationState, type TurnContext, type TurnResult } from './turn-result';

// How a typed question starts: "who do I call", "what should I do", "can I ...". Free-text answers ("when I
// logged in", "yesterday") do not start this way.
const ASKING = new Set([
  'who',
  'what',
  'how',
  'why',
  'which',
  'where',
  'can',
  'could',
  'should',
  'do',
  'does',
]);
const ASKING_NEXT = new Set(['i', 'we', 'you', 'do', 'does', 'should', 'can', 'is', 'are', 'to', 'happens']);

/** The passage score a question typed inside a dialog needs to be answered there. */
const CLEAR_IN_DIALOG = 0.3;

/** True for a message that asks something rather than answering a free-text question. */
export function looksLikeQuestion(text: string): boolean {
  if (text.trim().endsWith('?')) return true;
  const [first, second] = said(text).split(' ');
  return Boolean(first && second && ASKING.has(first) && ASKING_NEXT.has(second));
}

/**
 * Typed text while a dialog waits: an answer to its question when the engine understands it (at a free-text
 * step, a question is never taken as the answer). Otherwise a dialog only suggested by the last question
 * steps aside (`asQuestion`); a dialog the person is in gives way to another dialog asked for by name or in
 * the model's reading (kept, with a choice to go back), the dialog list, or a question (answered, with a choice to
 * return). Anything else re-asks the question with a hint. The incident report's numbers come with every
 * reply that is not the next question.
 */
export function textInDialog(
  ctx: TurnContext,
  state: ConversationState,
  dialog: Dialog,
  text: string,
  asQuestion: (state: ConversationState) => TurnResult,
): TurnResult {
  const step = state.dialog && dialog.steps.get(state.dialog.step);
  const asking = Boolean(step?.freeText) && looksLikeQuestion(text);
  const result = asking ? undefined : runDialog(state, dialog, { type: 'text', text, stamp: ctx.stamp });
  if (result && result.status !== 'unrecognised') return result;
  const m = ctx.index.kb.messages.dialogs;
  const typed = said(text);
  // A number matching no choice is a mistyped answer: ask again.
  if (result && /^\d+$/.test(typed)) return withUrgentLead(ctx, state, result);
  if (state.tentative && !dialog.intro) {
    // The dialog was only suggested by the last question, and this is not an answer to it: it steps aside
    // (the incident report stays: its follow-ups are answered with the numbers and the question again).
    const without = { ...state };
    delete without.dialog;
    delete without.tentative;
    return withUrgentLead(ctx, state, asQuestion(without));
  }
  if (m.listPhrases.some((p) => saidPhrase(p) === typed)) return listReply(ctx, state);
  const understood = ctx.understand(text);
  const { intent } = understood;
  const other =
    ctx.catalog.byName(text) ?? (intent.kind === 'dialog' ? ctx.catalog.get(intent.dialogId) : undefined);
  if (other && other.id !== dialog.id)
    return startDialog(state, other, { lead: [simpleReply(m.switched)], pause: dialog });
  // Inside a dialog only a clear question is answered: a vague follow-up ("what should I do?") re-asks.
  const clear = intent.kind === 'passages' && (understood.answer[0]?.score ?? 0) >= CLEAR_IN_DIALOG;
  const answered = ctx.answer(text);
  if ((answered.kind !== 'answer' || !clear) && result) return withUrgentLead(ctx, state, result);
  const back = resumeChoice(ctx, state);
  const reply =
    answered.kind === 'answer'
      ? decorateAnswer(ctx.catalog, answered, back, dialog.id)
      : withChoices(
          ctx.decorate(answered),
          back,
          answered.choices.length ? ctx.index.kb.messages.didYouMean : undefined,
        );
  const replies = [reply];
  const turn: TurnResult = {
    state: { ...nextState(state, replies), lastQuestion: text },
    replies,
    event: { dialog: { id: dialog.id } },
    privateText: [],
  };
  // Inside the incident report its own lead carries the numbers; elsewhere the safety net does.
  return withUrgentLead(
    ctx,
    state,
    dialog.id === INCIDENT_DIALOG ? turn : withIncidentNumbers(ctx, turn, understood),
  );
}
