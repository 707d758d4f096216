import type { Reply } from '../../core/types';

/** The terminal shows the reply's plain text; choices are already numbered in it. */
export function renderForTerminal(reply: Reply): string {
  const hint = reply.choices.length ? '\n\n(Type a number or the choice to pick it.)' : '';
  return `${reply.text}${hint}`;
}
