import { randomUUID } from 'node:crypto';
import { guardPersonalInformation } from '../privacy/guard';
import type { NotPersonal } from '../privacy/detect-identifiers';
import { placeholderKinds } from '../privacy/pi-kinds';
import { cleanText } from '../search/text';
import type { TurnEvent } from '../turn-event';
import { FEEDBACK_CHOICES, type Reply } from '../types';
import type { AnalyticsEvent } from './event';
import { hashId } from './hash-id';

// Choice ids are made by the bot ("section:b-approvals", "feedback:helpful"); anything else is not kept.
const CHOICE_ID = /^[\w:.-]{1,80}$/;

/** Turns a TurnEvent into the event analytics keep: ids hashed, text redacted, only what the report uses. */
export function toAnalyticsEvent(turn: TurnEvent, salt: string, allow: NotPersonal): AnalyticsEvent {
  const { inbound, replies } = turn;
  const text = cleanText(inbound.text ?? '');
  // A typed number picks one of the offered choices: it is not a question.
  const input = inbound.choice || /^\d{1,2}$/.test(text) ? 'choice' : text ? 'text' : 'none';
  const kind = mainKind(replies);
  const event: AnalyticsEvent = {
    v: 1,
    id: randomUUID(),
    at: turn.at.toISOString(),
    channel: inbound.channel,
    user: hashId(salt, 'user', inbound.channel, inbound.user),
    conversation: hashId(salt, 'conversation', inbound.channel, inbound.conversation),
    input,
    kind,
    sectionIds: turn.sectionIds,
  };
  if (input === 'text') {
    // The wrapper has redacted already; redacting again costs little and protects an unwrapped bot.
    const { redacted } = guardPersonalInformation(text, allow);
    const pi = placeholderKinds(redacted);
    if (pi.length) event.pi = pi;
    if (kind === 'answer' || kind === 'fallback') event.question = redacted;
  }
  if (inbound.choice && CHOICE_ID.test(inbound.choice)) event.choice = inbound.choice;
  const score = replies.find((r) => r.confidence !== undefined)?.confidence;
  if (score !== undefined) event.score = Math.round(score * 1000) / 1000;
  const dialog = toDialog(turn);
  if (dialog) event.dialog = dialog;
  const feedback = turn.feedback ?? toFeedback(inbound.choice);
  if (feedback) event.feedback = feedback;
  if (turn.escalation) event.escalation = true;
  return event;
}

function mainKind(replies: Reply[]): AnalyticsEvent['kind'] {
  return (replies.find((r) => r.kind !== 'smalltalk') ?? replies[0])?.kind ?? 'none';
}

function toDialog(turn: TurnEvent): AnalyticsEvent['dialog'] {
  const step = turn.replies.find((r) => r.dialog)?.dialog;
  const id = turn.dialog?.id ?? step?.id;
  if (!id) return undefined;
  const outcome = turn.dialog?.outcome;
  const ended = Boolean(outcome) || Boolean(step?.ended);
  return { id, ...(outcome && { outcome }), ...(ended && { ended }) };
}

function toFeedback(choice: string | undefined): AnalyticsEvent['feedback'] {
  if (choice === FEEDBACK_CHOICES.helpful.id) return 'helpful';
  if (choice === FEEDBACK_CHOICES.notHelpful.id) return 'not-helpful';
  return undefined;
}
