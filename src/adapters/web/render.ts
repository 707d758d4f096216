import { FEEDBACK_CHOICES, type Choice, type Reply } from '../../core/types';

/**
 * A Reply as the page receives it: the reply model plus the two things the page cannot work out itself.
 * A dialog's outcome carries `record`: the decision record as plain Markdown, for "Copy record" and
 * "Download (.md)".
 */
export interface WebReply extends Reply {
  /** The line above "did you mean" choices (knowledge/messages.yaml), so buttons are not left unexplained. */
  choicesHeading?: string;
  /** The feedback buttons to show, empty unless `reply.feedback`; ids are FEEDBACK_CHOICES ids. */
  feedbackChoices: Choice[];
}

/** Adds the choices heading and feedback buttons; everything else goes to the page as the core made it. */
export function toWebReply(reply: Reply, didYouMean: string): WebReply {
  const feedbackChoices: Choice[] = reply.feedback
    ? [FEEDBACK_CHOICES.helpful, FEEDBACK_CHOICES.notHelpful].map(({ id, label }) => ({ id, label }))
    : [];
  const heading = reply.kind === 'fallback' && reply.choices.length ? { choicesHeading: didYouMean } : {};
  return { ...reply, ...heading, feedbackChoices };
}
