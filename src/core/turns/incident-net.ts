import type { Reply } from '../types';
import type { Understanding } from '../understand/understand';
import type { TurnContext, TurnResult } from './turn-result';

/** The dialog whose opening says what to do about an information incident, with the numbers to call. */
export const INCIDENT_DIALOG = 'incident';

/**
 * The safety net for incidents: when an information incident is plausible and the first reply is not the
 * incident report's own opening (an answer, a fallback, another dialog), that first reply still says what to do now (the incident dialog's opening: the supervisor and the
 * OCIO Service Desk numbers), with its contacts, whatever else it holds (an answer, a fallback).
 */
export function withIncidentNumbers(
  ctx: TurnContext,
  result: TurnResult,
  understood: Understanding,
): TurnResult {
  const intro = ctx.catalog.get(INCIDENT_DIALOG)?.intro;
  const [first, ...rest] = result.replies;
  if (!understood.incident || !intro || !first || first.dialog?.id === INCIDENT_DIALOG) return result;
  const known = new Set(first.contacts.map((c) => c.id));
  const contacts = [...intro.contacts.filter((c) => !known.has(c.id)), ...first.contacts];
  // The opening names both numbers and the supervisor in its words; its contacts join the reply's.
  const warned: Reply = {
    ...first,
    intro: first.intro ? `${intro.say}\n\n${first.intro}` : intro.say,
    text: `${intro.say}\n\n${first.text}`,
    contacts,
    sensitive: true,
  };
  return { ...result, replies: [warned, ...rest] };
}
