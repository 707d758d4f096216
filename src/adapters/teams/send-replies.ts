import type { Activity, TurnContext } from 'botbuilder';
import type { Reply } from '../../core/types';
import { rememberForFrozen } from '../../core/memo/frozen';
import { leadInCard, renderReply } from './render';

// Most replies are remembered answers to common questions: render each of those once. botbuilder copies
// an activity before it fills in the conversation, so the same rendering can be sent again and again.
const renderRemembered = rememberForFrozen((reply: Reply) => renderReply(reply));

/**
 * Sends the rendered replies. With `replaceId` (a click on a dialog's card answered by that dialog's next
 * step), the first message replaces the card (updateActivity) so the dialog reads as one card; when the
 * update is refused (the card is gone, or the client cannot update), it is sent as a new message.
 */
export async function sendReplies(context: TurnContext, replies: Reply[], replaceId?: string): Promise<void> {
  const activities = replies.flatMap((reply) => renderRemembered(reply));
  const [first, ...rest] = activities;
  if (!first) return;
  if (replaceId && (await tryReplace(context, first, replaceId))) {
    if (rest.length) await context.sendActivities(rest);
    return;
  }
  await context.sendActivities(activities);
}

async function tryReplace(context: TurnContext, activity: Partial<Activity>, id: string): Promise<boolean> {
  // Some clients show a message's text and card apart and refuse to update both at once (the Agents
  // Playground answers 400); the card alone, with the text inside it, still replaces the clicked card.
  for (const candidate of [activity, leadInCard(activity)]) {
    if (!candidate) continue;
    try {
      await context.updateActivity({ ...candidate, id });
      return true;
    } catch {
      // Next candidate, then a new message.
    }
  }
  return false;
}
