import { createHash } from 'node:crypto';
import { sectionReply } from '../answer';
import { rememberRecent } from '../memo/recent';
import { resolveChoice } from '../choices';
import { parseChoiceId } from '../dialogs/choice-ids';
import { said, saidPhrase } from '../dialogs/phrase-words';
import { smalltalkReply } from '../smalltalk';
import type { Inbound, Reply } from '../types';
import type { Understanding } from '../understand/understand';
import {
  atFreeTextStep,
  expiredReply,
  listReply,
  resumeChoice,
  runDialog,
  startDialog,
  unpause,
} from './dialog-turns';
import { afterOutcome } from './dialog-followups';
import { replyLine } from './escalation';
import { escalate, offerOnFallback, onEscalationChoice } from './escalation-turns';
import { decorateAnswer, simpleReply } from './simple-replies';
import { nextState, type ConversationState, type TurnContext, type TurnResult } from './turn-result';
import { textInDialog } from './text-in-dialog';
import { withIncidentNumbers } from './incident-net';

/** Inside a dialog, free text is often an answer: it asks for a person only when the model is this sure. */
const PERSON_IN_DIALOG = 0.5;

/**
 * Decides what one turn means. First the controls that are not language: a clicked choice (feedback,
 * escalation consent, dialog, section) or a typed number or label of an offered choice. Then the model's
 * reading of the text: a request for a person; else an answer to the dialog in progress; the dialog list
 * or a dialog by its name; a choice-like word with nothing waiting; and otherwise what the model says the
 * message wants (small talk, a dialog, a passage, or nothing we cover).
 */
export function routeTurn(
  ctx: TurnContext,
  current: ConversationState | undefined,
  inbound: Inbound,
): TurnResult {
  const person = personKey(inbound.user);
  const result = decide(ctx, current, inbound, person);
  // An escalation offer belongs to the person it was made to (see onEscalationChoice).
  if (result.state.escalation === undefined || result.state.escalationBy) return result;
  return { ...result, state: { ...result.state, escalationBy: person } };
}

// The state may be kept in Redis: the user id is kept hashed, never in the clear.
const personKey = rememberRecent(10_000, (user: string) =>
  createHash('sha256').update(`escalation\0${user}`).digest('hex').slice(0, 24),
);

function decide(
  ctx: TurnContext,
  current: ConversationState | undefined,
  inbound: Inbound,
  person: string,
): TurnResult {
  const state: ConversationState = current ?? { offered: [] };
  const text = inbound.text ?? '';
  if (inbound.choice) {
    const handled = onChoice(ctx, state, inbound.choice, person);
    if (handled) return handled;
  } else {
    // At a free-text step a typed number is the answer ("3" days ago), not the third button.
    const typed = !atFreeTextStep(ctx, state) && resolveChoice(state.offered, { ...inbound, text });
    const handled = typed && onChoice(ctx, state, typed.id, person);
    if (handled) return handled;
    const intent = text ? ctx.understand(text).intent : undefined;
    if (intent?.kind === 'person' && (!state.dialog || intent.p >= PERSON_IN_DIALOG))
      return escalate(ctx, state, text);
  }
  if (state.dialog) {
    const dialog = ctx.catalog.get(state.dialog.dialog);
    if (dialog) return textInDialog(ctx, state, dialog, text, (without) => onText(ctx, without, text, false));
  }
  if (state.finished) return afterOutcome(ctx, state, text, (s) => onText(ctx, s, text, false));
  return onText(ctx, state, text, current === undefined);
}

function onChoice(
  ctx: TurnContext,
  state: ConversationState,
  id: string,
  person: string,
): TurnResult | undefined {
  const escalation = onEscalationChoice(ctx, state, id, person);
  if (escalation) return escalation;
  const parsed = parseChoiceId(id);
  if (parsed?.type === 'start') {
    const dialog = ctx.catalog.get(parsed.dialog);
    if (dialog) return startDialog(state, dialog, parsed.step ? { step: parsed.step } : {});
    return expiredReply(ctx, state);
  }
  if (parsed) {
    const resumed = parsed.type === 'resume' ? unpause(state, parsed.dialog) : state;
    const dialog = resumed.dialog && ctx.catalog.get(resumed.dialog.dialog);
    if (!dialog) return expiredReply(ctx, state, parsed.type === 'resume' ? undefined : parsed.dialog);
    return runDialog(
      resumed,
      dialog,
      parsed.type === 'resume' ? { type: 'resume' } : { type: 'choice', id, stamp: ctx.stamp },
    );
  }
  const offered = state.offered.find((c) => c.id === id);
  if (!offered) return undefined;
  const [kind, sectionId] = id.split(':');
  const reply =
    kind === 'section' && sectionId && ctx.index.sections.has(sectionId)
      ? // The question is the one kept (redacted) in the conversation state, as escalation summaries use it.
        sectionReply(ctx.index, sectionId, state.lastQuestion ? ctx.read(state.lastQuestion) : undefined)
      : // A choice this version no longer knows: answer its label as a question.
        ctx.answer(offered.label);
  return plain(state, [decorateAnswer(ctx.catalog, reply, resumeChoice(ctx, state))]);
}

function onText(ctx: TurnContext, state: ConversationState, text: string, fresh: boolean): TurnResult {
  const m = ctx.index.kb.messages.dialogs;
  const typed = said(text);
  if (m.listPhrases.some((p) => saidPhrase(p) === typed)) return listReply(ctx, state);
  const named = text && ctx.catalog.byName(text);
  if (named) return startDialog(state, named);
  const choiceLike =
    /^\d+$/.test(typed) || Object.values(m.words).some((list) => list.some((p) => saidPhrase(p) === typed));
  if (fresh && text && choiceLike) return expiredReply(ctx, state);
  // An empty message or a bare number with no choices on offer: say what the bot does instead of guessing.
  if (!typed || /^\d+$/.test(typed)) return plain(state, [simpleReply(helpText(ctx))]);
  const understood = ctx.understand(text);
  return withIncidentNumbers(ctx, act(ctx, state, text, understood), understood);
}

/** Acts on what the model says the message wants. */
function act(
  ctx: TurnContext,
  state: ConversationState,
  text: string,
  understood: Understanding,
): TurnResult {
  const { intent } = understood;
  if (intent.kind === 'smalltalk')
    return plain(state, [simpleReply(smalltalkReply(ctx.index.kb.messages, intent.id) ?? helpText(ctx))]);
  if (intent.kind === 'person') return escalate(ctx, state, text);
  const answered = ctx.answer(text);
  const dialog = intent.kind === 'dialog' && ctx.catalog.get(intent.dialogId);
  if (dialog) {
    // The answer comes first, unless the dialog's own opening already quotes the same sections.
    const introSections = dialog.intro?.citations.map((c) => c.sectionId) ?? [];
    const covered = answered.citations.every((c) => introSections.includes(c.sectionId));
    const lead =
      answered.kind === 'answer' && !covered ? [decorateAnswer(ctx.catalog, answered, [], dialog.id)] : [];
    return withQuestion(ctx, startDialog(state, dialog, { lead, tentative: true }), text, lead.length > 0);
  }
  const reply: Reply = ctx.decorate(answered);
  return withQuestion(ctx, offerOnFallback(ctx, plain(state, [reply]), reply, text), text, true);
}

function helpText(ctx: TurnContext): string {
  return smalltalkReply(ctx.index.kb.messages, 'help') ?? ctx.index.kb.messages.fallback;
}

/** A turn's state with nothing else changed. */
function plain(state: ConversationState, replies: Reply[]): TurnResult {
  return { state: nextState(state, replies), replies, event: {}, privateText: [] };
}

/** Remembers the text as the last question (for "did you mean" choices and escalation summaries). */
function withQuestion(ctx: TurnContext, result: TurnResult, text: string, asked: boolean): TurnResult {
  if (!asked || !text) return result;
  const answered = result.replies.find((r) => r.kind === 'answer' || r.kind === 'fallback');
  const lastReply = replyLine(ctx.index.kb.messages.escalation, answered);
  const state: ConversationState = { ...result.state, lastQuestion: text };
  if (lastReply) state.lastReply = lastReply;
  else delete state.lastReply;
  return { ...result, state };
}
