import { introWithoutEscalation, renderReplyText } from '../../core/reply-text';
import type { Reply } from '../../core/types';

/** The terminal shows the reply's plain text; choices are already numbered in it. */
export function renderForTerminal(reply: Reply): string {
  const hint = reply.choices.length ? '\n\n(Type a number or the choice to pick it.)' : '';
  return `${reply.text}${hint}`;
}

/**
 * For `guidebot ask`, which answers once and ends: no numbered choices or offers to forward (nothing could
 * pick them). Sections that might be close are listed to ask about; a dialog says how to walk it.
 */
export function renderOneShot(reply: Reply, didYouMean: string): string {
  if (reply.dialog && !reply.dialog.ended)
    return `To walk through "${reply.dialog.title}" one question at a time, run: npx guidebot chat`;
  const intro = introWithoutEscalation(reply);
  const text = renderReplyText({ ...reply, choices: [], ...(intro !== undefined && { intro }) });
  const sections = reply.choices.filter((choice) => choice.id.startsWith('section:'));
  if (!sections.length) return text;
  return `${text}\n\n${didYouMean}\n${sections.map((choice) => `- ${choice.label}`).join('\n')}`;
}
