import type { Choice, Citation, Contact, Escalation } from '../../core/types';
import { phoneLine } from '../../core/phone-line';
import { LABELS } from './labels';
import type { SubmitData } from './to-inbound';

/** An Adaptive Card element as JSON (the card schema is wide; we build a small, known subset). */
type CardElement = Record<string, unknown>;

/** A part of a reply: its card elements and the same content as plain text. */
export interface Block {
  elements: CardElement[];
  text: string;
}

/** Teams shows at most six buttons in a row of actions; five leaves room and reads better. */
const BUTTONS_PER_ROW = 5;

export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/**
 * Text that holds what a person typed: a TextRun, which Teams never reads as Markdown, so
 * "[Click to verify](https://evil.example)" stays those characters instead of a disguised link.
 */
export function plainTextBlock(text: string, run: CardElement = {}, extra: CardElement = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...run }], ...extra };
}

export function citationLine(citation: Citation): string {
  return `${citation.label} · ${citation.documentTitle} (${citation.version})`;
}

export function passageBlock(text: string, citation: Citation): Block {
  return {
    elements: [
      {
        type: 'Container',
        style: 'emphasis',
        spacing: 'Medium',
        items: [textBlock(text), textBlock(citationLine(citation), { isSubtle: true, size: 'Small' })],
      },
    ],
    text: `"${text}"\n— ${citation.label} (guidelines, ${citation.version})`,
  };
}

export function sourcesBlock(citations: Citation[]): Block {
  const lines = citations.map((c) => `- ${citationLine(c)}`);
  return {
    elements: [
      textBlock(LABELS.sourcesHeading, { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(lines.join('\n'), { isSubtle: true, size: 'Small', spacing: 'Small' }),
    ],
    text: `${LABELS.sourcesHeading}:\n${lines.join('\n')}`,
  };
}

function submitData(choice: Choice, dialog?: string): SubmitData {
  return { guidebot: { choice: choice.id, ...(dialog && { dialog }) } };
}

/** Choices as rows of Action.Submit buttons; the button data comes back as `activity.value`. */
function buttonRows(choices: Choice[], dialog?: string): CardElement[] {
  const rows: CardElement[] = [];
  for (let i = 0; i < choices.length; i += BUTTONS_PER_ROW) {
    rows.push({
      type: 'ActionSet',
      actions: choices.slice(i, i + BUTTONS_PER_ROW).map((choice) => ({
        type: 'Action.Submit',
        title: choice.label,
        data: submitData(choice, dialog),
      })),
    });
  }
  return rows;
}

export function choicesBlock(choices: Choice[], dialog?: string, heading?: string): Block {
  const list = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  return {
    elements: [
      ...(heading ? [textBlock(heading, { spacing: 'Medium' })] : []),
      ...buttonRows(choices, dialog),
    ],
    text: heading ? `${heading}\n${list}` : list,
  };
}

function contactMarkdown(contact: Contact): string {
  const lines = [`**${contact.name}**`, contact.when];
  if (contact.email) lines.push(`[${contact.email}](mailto:${contact.email})`);
  if (contact.phones) lines.push(phoneLine(contact, (p) => `[${p.number}](tel:${p.tel})`));
  if (contact.url) lines.push(`[${contact.url}](${contact.url})`);
  if (contact.note) lines.push(contact.note);
  return lines.join('\n\n');
}

function contactText(contact: Contact): string {
  const detail = [contact.email, contact.phone, contact.url].filter(Boolean).join(', ');
  return `- ${contact.name}${detail ? `: ${detail}` : ''}`;
}

export function contactsBlock(contacts: Contact[]): Block {
  return {
    elements: [
      textBlock(LABELS.contactsHeading, { weight: 'Bolder', spacing: 'Medium' }),
      ...contacts.map((c) => textBlock(contactMarkdown(c), { spacing: 'Small' })),
    ],
    text: `${LABELS.contactsHeading}:\n${contacts.map(contactText).join('\n')}`,
  };
}

export function escalationBlock(escalation: Escalation, dialog?: string): Block {
  const lead = LABELS.escalationLead(escalation.contact.name);
  return {
    elements: [
      textBlock(lead, { spacing: 'Medium' }),
      { type: 'Container', style: 'emphasis', items: [plainTextBlock(escalation.summary)] },
      textBlock(contactMarkdown(escalation.contact), { spacing: 'Small' }),
      ...buttonRows(escalation.consentChoices, dialog),
    ],
    text: [
      lead,
      escalation.summary,
      contactText(escalation.contact),
      escalation.consentChoices.map((c) => c.label).join(' / '),
    ].join('\n'),
  };
}

export function feedbackBlock(choices: Choice[]): Block {
  return {
    elements: [
      textBlock(LABELS.feedbackPrompt, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
      ...buttonRows(choices),
    ],
    text: '',
  };
}
