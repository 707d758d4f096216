import { introWithoutEscalation } from '../../core/reply-text';
import { FEEDBACK_CHOICES, type Choice, type Escalation, type Reply } from '../../core/types';
import type { WebWording } from './web-wording';

/** An escalation as the page gets it: with an e-mail link instead of consent when nothing can be sent. */
export interface WebEscalation extends Escalation {
  /** Set when no escalation destination is configured: a mailto: link holding the redacted question. */
  mailto?: string;
  emailLead?: string;
}

/**
 * A Reply as the page receives it: the reply model plus the things the page cannot work out itself.
 * A dialog's outcome carries `record`: the decision record as plain Markdown, for "Copy record" and
 * "Download (.md)".
 */
export interface WebReply extends Omit<Reply, 'escalation'> {
  /** The line above "did you mean" sections (knowledge/messages.yaml), so buttons are not left unexplained. */
  choicesHeading?: string;
  /** The feedback buttons to show, empty unless `reply.feedback`; ids are FEEDBACK_CHOICES ids. */
  feedbackChoices: Choice[];
  escalation?: WebEscalation;
}

export interface WebRenderOptions {
  /** messages.yaml: the "did you mean" heading and the fallback the core says when it has no answer. */
  messages: { didYouMean: string; fallback: string };
  wording: WebWording;
  /** Whether "Send this to them" would reach someone; else the person gets an e-mail link. */
  canForward: boolean;
}

/**
 * A turn's replies for the page: the collection notice left out (the welcome shows it), the
 * personal-information reminder first (before the answer it concerns), a bubble that only leads into the
 * next one joined to it, and each reply shaped by toWebReply.
 */
export function toWebReplies(replies: Reply[], options: WebRenderOptions): WebReply[] {
  const shown = replies.filter((reply) => reply.note !== 'collection-notice');
  const ordered = [
    ...shown.filter((reply) => reply.note === 'personal-information'),
    ...shown.filter((reply) => reply.note !== 'personal-information'),
  ];
  const out: WebReply[] = [];
  let lead = '';
  for (const [i, reply] of ordered.entries()) {
    const web = toWebReply(reply, options);
    if (isLeadIn(web) && i < ordered.length - 1) {
      lead = `${lead}${web.intro} `;
      continue;
    }
    out.push(lead ? { ...web, intro: `${lead}${web.intro ?? ''}` } : web);
    lead = '';
  }
  return out;
}

/** Adds the heading and feedback buttons, drops what the page shows elsewhere. */
export function toWebReply(reply: Reply, options: WebRenderOptions): WebReply {
  const { messages, wording } = options;
  const feedbackChoices: Choice[] = reply.feedback
    ? [FEEDBACK_CHOICES.helpful, FEEDBACK_CHOICES.notHelpful].map(({ id, label }) => ({ id, label }))
    : [];
  const sections = reply.choices.some((choice) => choice.id.startsWith('section:'));
  const heading = reply.kind === 'fallback' && sections ? { choicesHeading: messages.didYouMean } : {};
  // The page shows what would be sent in its own box: not a second time in the text above it.
  let intro = introWithoutEscalation(reply);
  // The dialog's title goes in the page's dialog header, once, not at the top of every step.
  if (reply.dialog && intro?.startsWith(`${reply.dialog.title}\n`))
    intro = intro.slice(reply.dialog.title.length + 1);
  // The no-answer fallback is one line here: the contact and the sections follow as their own parts.
  if (reply.kind === 'fallback' && intro === messages.fallback) intro = wording.fallback;
  const web: WebReply = {
    ...withoutEscalation(reply),
    ...heading,
    feedbackChoices,
    ...(intro !== undefined && { intro }),
  };
  if (!reply.escalation) return web;
  if (options.canForward) return { ...web, escalation: reply.escalation };
  const consent = new Set(reply.escalation.consentChoices.map((choice) => choice.id));
  return {
    ...web,
    choices: web.choices.filter((choice) => !consent.has(choice.id)),
    escalation: {
      ...reply.escalation,
      consentChoices: [],
      emailLead: wording.emailInstead,
      ...(reply.escalation.contact.email && {
        mailto:
          `mailto:${reply.escalation.contact.email}?subject=${encodeURIComponent(wording.emailSubject)}` +
          `&body=${encodeURIComponent(reply.escalation.summary)}`,
      }),
    },
  };
}

/** A plain bot line before another reply of the same turn ("Switching to another check ..."): it joins it. */
function isLeadIn(reply: WebReply): boolean {
  return (
    reply.kind === 'smalltalk' &&
    !reply.note &&
    !reply.passages.length &&
    !reply.choices.length &&
    !reply.contacts.length &&
    Boolean(reply.intro)
  );
}

function withoutEscalation(reply: Reply): Omit<Reply, 'escalation'> {
  const copy = { ...reply };
  delete copy.escalation;
  return copy;
}
