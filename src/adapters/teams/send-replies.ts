import type { Activity, TurnContext } from 'botbuilder';
import type { Reply } from '../../core/types';
import { renderReply } from './render';

/** Where a turn's replies go: a card to replace (the clicked dialog card), or none. */
export interface SendOptions {
  /** Id of the message holding the card the person clicked (`activity.replyToId`). */
  replaceId?: string;
}

/**
 * Sends the rendered replies. A dialog step answering a click on that dialog's card replaces the card
 * (updateActivity), so the dialog reads as one card; where Teams refuses the update, it is sent as new.
 */
export async function sendReplies(
  context: TurnContext,
  replies: Reply[],
  options: SendOptions = {},
): Promise<void> {
  const activities = replies.flatMap((reply) => renderReply(reply));
  const [first, ...rest] = activities;
  if (!first) return;
  if (options.replaceId && (await tryReplace(context, { ...first, id: options.replaceId }))) {
    if (rest.length) await context.sendActivities(rest);
    return;
  }
  await context.sendActivities(activities);
}

async function tryReplace(context: TurnContext, activity: Partial<Activity>): Promise<boolean> {
  try {
    await context.updateActivity(activity);
    return true;
  } catch {
    // The card may be too old, deleted, or in a client without message updates: a new message still works.
    return false;
  }
}
