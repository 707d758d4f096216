import type { Reply } from '../../core/types';
import { ACTIONS, LIMITS, type HomeView, type KnownBlock, type SlackMessage } from './blocks';
import { clip, escapeMrkdwn, splitForLimit } from './mrkdwn';
import * as parts from './render-parts';
import type { Part } from './render-parts';
import { SLACK_WORDING } from './wording';

/** Extras a reply gets in some places: the "Share in channel" button on a private slash-command answer. */
export interface RenderOptions {
  /** `question` is the id the question is kept under (button-questions.ts), never the text. */
  share?: { question: string };
  /** A line above the reply in mrkdwn (already escaped), e.g. who shared it. */
  attribution?: string;
  /** A line above the choices, e.g. "These sections might be close:" on a fallback. */
  choicesHeading?: string;
}

/**
 * A reply as Slack messages. Usually one; a long reply is split into several, each within 50 blocks and
 * Slack's size limits, with the buttons on the last. A decision record follows as a message of its own, in
 * plain text with no blocks, so it copies cleanly.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const messages = pack(replyParts(reply, options), LIMITS.blocksPerMessage, reply.text);
  if (!reply.record) return messages;
  const pieces = splitForLimit(reply.record, LIMITS.charsPerMessage, escapeMrkdwn);
  return [...messages, ...pieces.map((piece) => renderPlain(piece))];
}

/** The App Home tab: the welcome reply in one view (100 blocks allowed there). */
export function renderHome(reply: Reply): HomeView {
  const blocks = replyParts(reply, {})
    .slice(0, LIMITS.blocksPerHomeView)
    .map((part) => part.block);
  return { type: 'home', blocks };
}

/**
 * The short reply a sensitive question gets in a shared channel: an offer to continue in a direct message.
 * The button carries the id the question is kept under (see button-questions.ts), never the question.
 */
export function renderPrivateOffer(questionId: string): SlackMessage {
  const offer = parts.sections(SLACK_WORDING.privateOffer);
  const button = parts.button({ id: questionId, label: SLACK_WORDING.privateButton }, ACTIONS.private);
  const blocks: KnownBlock[] = [...offer.map((p) => p.block), { type: 'actions', elements: [button] }];
  return { text: escapeMrkdwn(SLACK_WORDING.privateOffer), blocks };
}

/** A message with no blocks, for when a reply could not be delivered: the one thing that must get through. */
export function renderPlain(text: string): SlackMessage {
  return { text: escapeMrkdwn(text), blocks: [] };
}

function replyParts(reply: Reply, options: RenderOptions): Part[] {
  const attribution = options.attribution ? [parts.context(options.attribution, options.attribution)] : [];
  const share = options.share
    ? parts
        .buttons([{ id: options.share.question, label: SLACK_WORDING.shareButton }], ACTIONS.share, 's')
        .map((part) => ({ ...part, plain: '' }))
    : [];
  // Small talk and other replies without passages carry their words in `intro`; fall back to `text`.
  const body = reply.intro ?? (reply.passages.length ? '' : reply.text);
  return [
    ...attribution,
    ...parts.dialogTitle(reply),
    ...(body ? parts.sections(body) : []),
    ...parts.passages(reply),
    ...parts.escalation(reply),
    ...(options.choicesHeading && reply.choices.length ? parts.sections(options.choicesHeading) : []),
    ...parts.buttons(withoutConsent(reply), ACTIONS.choice, 'c'),
    ...parts.contacts(reply.contacts),
    ...parts.feedback(reply),
    ...share,
  ];
}

// The escalation block shows its own consent buttons; the core also lists them as choices for typed numbers.
function withoutConsent(reply: Reply): Reply['choices'] {
  const consent = new Set(reply.escalation?.consentChoices.map((c) => c.id));
  return reply.choices.filter((c) => !consent.has(c.id));
}

/** Groups parts into messages by block count and size; one message keeps the core's complete `text`. */
function pack(all: Part[], maxBlocks: number, fullText: string): SlackMessage[] {
  const groups: Part[][] = [];
  let current: Part[] = [];
  let chars = 0;
  for (const part of all) {
    if (current.length && (current.length >= maxBlocks || chars + part.chars > LIMITS.charsPerMessage)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(part);
    chars += part.chars;
  }
  if (current.length || !groups.length) groups.push(current);
  return groups.map((group) => {
    const plain =
      groups.length === 1 && fullText
        ? fullText
        : group
            .map((p) => p.plain)
            .filter(Boolean)
            .join('\n\n');
    return { text: escapeMrkdwn(clip(plain, LIMITS.notificationText)), blocks: group.map((p) => p.block) };
  });
}
