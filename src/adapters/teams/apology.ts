import type { TurnContext } from 'botbuilder';
import type { Contact } from '../../core/types';
import type { Logger } from '../../server/logger';
import { LABELS } from './labels';

/**
 * Runs a turn's work; when it fails, logs what failed (no stack, no message text) and tells the person who
 * to contact instead of leaving them with silence. Sending the apology may fail too (connector down): then
 * there is no one to tell.
 */
export async function answerOrApologize(
  context: TurnContext,
  deps: { helpContact: Contact; logger: Logger },
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.logger.error({ err: errorSummary(error), activityType: context.activity.type }, 'teams turn failed');
    await context
      .sendActivity({
        type: 'message',
        text: LABELS.error(contactLine(deps.helpContact)),
        textFormat: 'plain',
      })
      .catch(() => undefined);
  }
}

function contactLine(contact: Contact): string {
  const detail = [contact.email, contact.phone].filter(Boolean).join(', ');
  return detail ? `${contact.name} (${detail})` : contact.name;
}

function errorSummary(error: unknown): { name: string; code?: unknown } {
  if (!(error instanceof Error)) return { name: typeof error };
  const { code } = error as { code?: unknown };
  return { name: error.name, ...(code !== undefined && { code }) };
}
