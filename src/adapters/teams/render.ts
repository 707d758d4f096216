import type { Activity, Attachment } from 'botbuilder';
import { FEEDBACK_CHOICES, type Reply } from '../../core/types';
import {
  choicesBlock,
  contactsBlock,
  escalationBlock,
  feedbackBlock,
  passageBlock,
  plainTextBlock,
  sourcesBlock,
  textBlock,
  type Block,
} from './card';
import { LABELS } from './labels';

/** Teams refuses bot messages over about 100 KB; staying under 80 KB leaves room for its own envelope. */
export const MESSAGE_BUDGET_BYTES = 80 * 1024;

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The dialog a reply's buttons belong to, while the dialog is still going. */
function openDialogId(reply: Reply): string | undefined {
  return reply.dialog && !reply.dialog.ended ? reply.dialog.id : undefined;
}

/**
 * A reply as Teams messages: plain `text` on every one (notifications, screen readers), and an Adaptive
 * Card 1.5 when there is more than a sentence to show. Long replies become several messages under the budget.
 */
export function renderReply(reply: Reply, budgetBytes = MESSAGE_BUDGET_BYTES): Array<Partial<Activity>> {
  const messages = replyMessages(reply, budgetBytes);
  if (!reply.record) return messages;
  // The decision record: plain text of its own beside the card, so it copies cleanly.
  return [...messages, ...splitText(reply.record, Math.floor(budgetBytes / 4)).map(plainMessage)];
}

function replyMessages(reply: Reply, budgetBytes: number): Array<Partial<Activity>> {
  const blocks = toBlocks(reply, budgetBytes);
  if (!blocks.length)
    return splitText(reply.text || reply.intro || '', Math.floor(budgetBytes / 4)).map(plainMessage);
  const lead = reply.intro ?? reply.dialog?.title;
  // Nearly every reply fits one card; filling cards block by block serializes the card once per block.
  const whole = cardMessage(blocks, lead);
  if (byteSize(whole) <= budgetBytes) return [whole];
  const messages: Array<Partial<Activity>> = [];
  let current: Block[] = [];
  const flush = () => {
    if (current.length) messages.push(cardMessage(current, messages.length ? undefined : lead));
    current = [];
  };
  for (const block of blocks) {
    const candidate = [...current, block];
    const size = byteSize(cardMessage(candidate, messages.length ? undefined : lead));
    if (size > budgetBytes && current.length) {
      flush();
      current = [block];
    } else current = candidate;
  }
  flush();
  return messages;
}

function toBlocks(reply: Reply, budgetBytes: number): Block[] {
  const dialog = openDialogId(reply);
  const blocks: Block[] = [];
  if (reply.dialog && reply.intro)
    blocks.push({
      elements: [textBlock(reply.dialog.title, { style: 'heading' })],
      text: reply.dialog.title,
    });
  // A passage longer than a message would allow is quoted in pieces, each with its citation.
  const pieceChars = Math.max(500, Math.floor(budgetBytes / 8));
  for (const passage of reply.passages)
    for (const piece of splitText(passage.text, pieceChars))
      blocks.push(passageBlock(piece, passage.citation));
  const quoted = new Set(reply.passages.map((p) => p.citation.sectionId));
  const unquoted = reply.citations.filter((c) => !quoted.has(c.sectionId));
  if (unquoted.length) blocks.push(sourcesBlock(unquoted));
  const consentIds = new Set(reply.escalation?.consentChoices.map((c) => c.id));
  const choices = reply.choices.filter((c) => !consentIds.has(c.id));
  if (choices.length) blocks.push(choicesBlock(choices, dialog, choicesHeading(reply)));
  if (reply.escalation) blocks.push(escalationBlock(reply.escalation, dialog));
  // The escalation block already shows its contact.
  const contacts = reply.contacts.filter((c) => c.id !== reply.escalation?.contact.id);
  if (contacts.length) blocks.push(contactsBlock(contacts));
  if (reply.feedback) blocks.push(feedbackBlock([FEEDBACK_CHOICES.helpful, FEEDBACK_CHOICES.notHelpful]));
  return blocks;
}

/**
 * The core puts a heading such as "These sections might be close:" only in its plain text, just above the
 * numbered choices; the card shows the same words above the buttons.
 */
function choicesHeading(reply: Reply): string | undefined {
  const first = reply.choices[0];
  if (!first) return undefined;
  const paragraphs = reply.text.split('\n\n');
  const at = paragraphs.findIndex(
    (p) => p.startsWith(`1. ${first.label}`) || p.includes(`\n1. ${first.label}`),
  );
  const list = paragraphs[at];
  if (!list) return undefined;
  const own = list.split('\n1. ')[0];
  if (own && own !== list && own.endsWith(':') && own !== reply.intro) return own;
  return undefined;
}

function cardMessage(blocks: Block[], lead: string | undefined): Partial<Activity> {
  const bodyText = blocks.map((b) => b.text).filter(Boolean);
  const fallbackText = [lead, ...bodyText].filter(Boolean).join('\n\n');
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: blocks.flatMap((b) => b.elements),
    fallbackText,
    msteams: { width: 'Full' },
  };
  const attachment: Attachment = { contentType: CARD_TYPE, content: card };
  // The lead sentence is the message text (shown above the card and in notifications); later parts of a
  // split reply say they continue it.
  const text = lead ?? `${LABELS.continued} ${firstLine(bodyText[0])}`;
  return { type: 'message', text, textFormat: 'plain', attachments: [attachment] };
}

/** The same message as a card alone, its text moved to the top of the card; undefined without a card. */
export function leadInCard(activity: Partial<Activity>): Partial<Activity> | undefined {
  const [attachment, ...others] = activity.attachments ?? [];
  if (!attachment || others.length || !activity.text) return undefined;
  const card = attachment.content as { body?: unknown[] };
  // The lead may quote the person ("talk to a person" shows their question): no Markdown in it.
  const body = [plainTextBlock(activity.text, { weight: 'Bolder' }), ...(card.body ?? [])];
  const moved: Partial<Activity> = {
    ...activity,
    attachments: [{ ...attachment, content: { ...card, body } }],
  };
  delete moved.text;
  delete moved.textFormat;
  return moved;
}

function plainMessage(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' };
}

function firstLine(text: string | undefined): string {
  const line = (text ?? '').split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Bytes of the activity as JSON on the wire. */
export function byteSize(activity: Partial<Activity>): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

/** Splits text into pieces of at most `max` characters, at paragraph, sentence or word ends when it can. */
function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    // The latest paragraph end in the second half of the window, else sentence end, else word end.
    const cuts = [window.lastIndexOf('\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' ')];
    const at = cuts.find((cut) => cut > max / 2) ?? max;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
