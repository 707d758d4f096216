import { FEEDBACK_CHOICES, type Choice, type Contact, type Reply } from '../../core/types';
import {
  ACTIONS,
  DIALOG_BLOCK_PREFIX,
  FEEDBACK_BLOCK_ID,
  LIMITS,
  type Button,
  type KnownBlock,
} from './blocks';
import { phoneLine } from '../../core/phone-line';
import { escapeMrkdwn, quoteMrkdwn, shorten, splitForLimit } from './mrkdwn';
import { SLACK_WORDING } from './wording';

/** A block with the plain text it stands for (for the message's `text`) and its size in characters. */
export interface Part {
  block: KnownBlock;
  plain: string;
  chars: number;
}

/** Section blocks for `text`, split at word boundaries so no section passes Slack's 3,000 characters. */
export function sections(text: string, format: (piece: string) => string = escapeMrkdwn): Part[] {
  return splitForLimit(text, LIMITS.sectionText, format).map((piece) => {
    const mrkdwn = format(piece);
    return {
      block: { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } },
      plain: piece,
      chars: mrkdwn.length,
    };
  });
}

/** Section blocks of plain_text, for what a person typed: Slack formats none of it (no *bold*, no links). */
export function plainSections(text: string): Part[] {
  return splitForLimit(text, LIMITS.sectionText, (piece) => piece).map((piece) => ({
    block: { type: 'section', text: { type: 'plain_text', text: piece, emoji: false } },
    plain: piece,
    chars: piece.length,
  }));
}

/** A small grey line under a block (citations, attributions). */
export function context(mrkdwn: string, plain: string): Part {
  const text = mrkdwn.slice(0, LIMITS.sectionText);
  return { block: { type: 'context', elements: [{ type: 'mrkdwn', text }] }, plain, chars: text.length };
}

export function dialogTitle(reply: Reply): Part[] {
  if (!reply.dialog) return [];
  const { id, title } = reply.dialog;
  const text = `*${escapeMrkdwn(title)}*`;
  const block: KnownBlock = {
    type: 'context',
    block_id: `${DIALOG_BLOCK_PREFIX}${id}`.slice(0, 255),
    elements: [{ type: 'mrkdwn', text }],
  };
  return [{ block, plain: title, chars: text.length }];
}

export function passages(reply: Reply): Part[] {
  return reply.passages.flatMap(({ text, citation }) => {
    const cite = SLACK_WORDING.citation(citation.label, citation.documentTitle, citation.version);
    return [...sections(text, quoteMrkdwn), context(escapeMrkdwn(cite), cite)];
  });
}

export function contacts(list: Contact[]): Part[] {
  if (!list.length) return [];
  const lines = list.map((c) => `• *${escapeMrkdwn(c.name)}*: ${escapeMrkdwn(c.when)}${contactDetail(c)}`);
  const text = `*${SLACK_WORDING.contactsHeading}*\n${lines.join('\n')}`;
  // Already formatted: splitting at whitespace never breaks an &amp; entity or a <mailto:...> link.
  return sections(text, (piece) => piece).map((part) => ({
    ...part,
    plain: part.plain.replace(/[*•]/g, ''),
  }));
}

function contactDetail(c: Contact): string {
  const email = c.email && `<mailto:${c.email}|${escapeMrkdwn(c.email)}>`;
  const url = c.url && `<${c.url}>`;
  // One tel: link per number; the note ("then choose Option 3") stays text.
  const note = c.phoneNote && escapeMrkdwn(c.phoneNote);
  const phone =
    c.phones && phoneLine({ ...c, phoneNote: note }, (p) => `<tel:${p.tel}|${escapeMrkdwn(p.number)}>`);
  const detail = [email, phone, url].filter(Boolean).join(' · ');
  return detail ? `\n   ${detail}` : '';
}

export function escalation(reply: Reply): Part[] {
  const offer = reply.escalation;
  if (!offer) return [];
  return [
    ...sections(SLACK_WORDING.escalationHeading(offer.contact.name)),
    ...plainSections(offer.summary),
    ...buttons(offer.consentChoices, ACTIONS.choice, 'consent'),
  ];
}

/** Buttons in actions blocks of at most 25, each with a unique action_id and a label within 75 characters. */
export function buttons(choices: readonly Choice[], action: string, key: string, blockId?: string): Part[] {
  const parts: Part[] = [];
  for (let start = 0; start < choices.length; start += LIMITS.actionsPerBlock) {
    const slice = choices.slice(start, start + LIMITS.actionsPerBlock);
    const elements: Button[] = slice.map((choice, i) => button(choice, `${action}:${key}-${start + i}`));
    const block: KnownBlock = {
      type: 'actions',
      elements,
      ...(blockId && start === 0 && { block_id: blockId }),
    };
    const plain = slice.map((c) => c.label).join(' | ');
    parts.push({ block, plain, chars: plain.length });
  }
  return parts;
}

export function button(choice: Choice, actionId: string): Button {
  return {
    type: 'button',
    action_id: actionId,
    // Slack rejects an empty button label; a blank label falls back to the choice id.
    text: {
      type: 'plain_text',
      text: shorten(choice.label, LIMITS.buttonText) || shorten(choice.id, LIMITS.buttonText) || '?',
      emoji: false,
    },
    value: choice.id.slice(0, LIMITS.buttonValue),
  };
}

export function feedback(reply: Reply): Part[] {
  if (!reply.feedback) return [];
  const choices = [FEEDBACK_CHOICES.helpful, FEEDBACK_CHOICES.notHelpful];
  // Controls, not content: they add nothing to the notification text.
  return buttons(choices, ACTIONS.feedback, 'f', FEEDBACK_BLOCK_ID).map((part) => ({ ...part, plain: '' }));
}
