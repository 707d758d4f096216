import type { Reply } from '../types';
import { FEEDBACK_CHOICES } from '../types';
import { withUrgentLead } from './dialog-followups';
import { expiredReply, resumeChoice } from './dialog-turns';
import {
  ESCALATION_CHOICES,
  escalationReply,
  escalationSummary,
  hasOwnTopic,
  replyLine,
  withEscalationOffer,
} from './escalation';
import { simpleReply } from './simple-replies';
import { nextState, type ConversationState, type TurnContext, type TurnResult } from './turn-result';

/**
 * Feedback and escalation consent clicks; undefined for any other choice. `person` is the hash of who
 * clicked: a send is honoured only for the offer the reply before made, to the person it was made to, once.
 */
export function onEscalationChoice(
  ctx: TurnContext,
  state: ConversationState,
  id: string,
  person: string,
): TurnResult | undefined {
  const { messages } = ctx.index.kb;
  if (id === FEEDBACK_CHOICES.helpful.id || id === FEEDBACK_CHOICES.notHelpful.id) {
    const helpful = id === FEEDBACK_CHOICES.helpful.id;
    const thanks = simpleReply(helpful ? messages.feedback.helpful : messages.feedback.notHelpful, {
      choices: resumeChoice(ctx, state),
    });
    // An answer that did not help offers to forward the question it answered.
    const summary =
      !helpful && state.lastQuestion ? summaryOf(ctx, state.lastQuestion, state.lastReply) : undefined;
    const reply = summary ? withEscalationOffer(ctx.index, thanks, summary) : thanks;
    return {
      state: nextState(state, [reply], { escalation: summary }),
      replies: [reply],
      event: { feedback: helpful ? 'helpful' : 'not-helpful' },
      privateText: [],
    };
  }
  if (id === ESCALATION_CHOICES.send || id === ESCALATION_CHOICES.dontSend) {
    const summary = state.escalation;
    // Nothing offered (a made-up or repeated click): nothing to send.
    if (summary === undefined) return expiredReply(ctx, state);
    if (state.escalationBy !== person) {
      // Someone else in a shared thread: the offer stays for the person who asked.
      const replies = [simpleReply(messages.escalation.notYours)];
      return { state, replies, event: {}, privateText: [] };
    }
    const send = id === ESCALATION_CHOICES.send;
    // Until the bot has forwarded it (bot.ts, with the configured sink), the reply is the email path.
    const intro = send ? `${messages.escalation.sent}\n\n${summary}` : messages.escalation.notSent;
    const replies = [simpleReply(intro, { choices: resumeChoice(ctx, state) })];
    return {
      state: nextState(state, replies),
      replies,
      event: { escalation: send },
      privateText: [],
      ...(send && { forward: summary }),
    };
  }
  return undefined;
}

/** A reply that does not answer offers to forward the question. */
export function offerOnFallback(
  ctx: TurnContext,
  result: TurnResult,
  reply: Reply,
  question: string,
): TurnResult {
  if (reply.kind !== 'fallback' || !question) return result;
  const summary = summaryOf(ctx, question, replyLine(ctx.index.kb.messages.escalation, reply));
  const offered = withEscalationOffer(ctx.index, reply, summary);
  return {
    ...result,
    replies: [offered],
    state: nextState(result.state, [offered], { escalation: summary }),
  };
}

/**
 * "talk to a person": the contact, exactly what would be sent, and consent; a dialog resumes after. During
 * or right after an incident report, the supervisor and the OCIO Service Desk numbers come first.
 */
export function escalate(ctx: TurnContext, state: ConversationState, text: string): TurnResult {
  const m = ctx.index.kb.messages.escalation;
  const dialog = state.dialog && ctx.catalog.get(state.dialog.dialog);
  // "talk to a person about the photo rules" carries its own question; "talk to a person" refers to the last.
  const bare = !hasOwnTopic(ctx.index.kb, text);
  const summary = escalationSummary(
    m,
    bare ? state.lastQuestion : text,
    dialog && state.dialog ? { dialog, state: state.dialog } : undefined,
    bare ? state.lastReply : undefined,
  );
  const reply = escalationReply(ctx.index, summary, {
    extra: resumeChoice(ctx, state),
    sensitive: Boolean(dialog?.sensitive),
  });
  return withUrgentLead(ctx, state, {
    state: nextState(state, [reply], { escalation: summary }),
    replies: [reply],
    event: { escalation: true },
    privateText: [],
  });
}

function summaryOf(ctx: TurnContext, question: string, reply: string | undefined): string {
  return escalationSummary(ctx.index.kb.messages.escalation, question, undefined, reply);
}
