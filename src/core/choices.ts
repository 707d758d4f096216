import { words } from './search/text';
import type { Choice, Inbound } from './types';

/** The offered choice a turn selects: a clicked id, the choice's number, or its label typed out. */
export function resolveChoice(offered: Choice[], inbound: Inbound): Choice | undefined {
  if (inbound.choice) return offered.find((c) => c.id === inbound.choice);
  const typed = words(inbound.text ?? '').join(' ');
  if (!typed) return undefined;
  const number = Number(typed);
  if (Number.isInteger(number) && number >= 1 && number <= offered.length) return offered[number - 1];
  return offered.find((c) => words(c.label).join(' ') === typed);
}
