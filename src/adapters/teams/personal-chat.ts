import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import type { Bot } from '../../core/bot';
import type { Inbound } from '../../core/types';
import type { TeamsCloudAdapter } from './cloud-adapter';
import { textBlock } from './card';
import { LABELS } from './labels';
import { sendReplies } from './send-replies';

// The Bot Connector audience for the public cloud (AuthenticationConstants.ToChannelFromBotOAuthScope).
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

interface MoveOptions {
  adapter: TeamsCloudAdapter;
  bot: Bot;
  appId: string | undefined;
}

/**
 * A privacy or incident question asked in a channel or group chat: the full answer (and any dialog) goes to
 * a personal chat with the person; the shared conversation only gets a short note. Where the bot cannot
 * start that chat (not installed for the person), the note invites them to open one.
 */
export async function moveToPersonalChat(
  context: TurnContext,
  inbound: Inbound,
  options: MoveOptions,
): Promise<void> {
  const moved = await tryPersonalChat(context, inbound, options);
  if (moved) {
    await context.sendActivity({ type: 'message', text: LABELS.movedToPersonal, textFormat: 'plain' });
    return;
  }
  await context.sendActivity(invitation(options.appId));
}

async function tryPersonalChat(
  context: TurnContext,
  inbound: Inbound,
  options: MoveOptions,
): Promise<boolean> {
  const { activity } = context;
  const tenantId =
    activity.conversation.tenantId ??
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const parameters = {
    isGroup: false,
    bot: activity.recipient,
    members: [activity.from],
    ...(tenantId && { tenantId, channelData: { tenant: { id: tenantId } } }),
  } as ConversationParameters;
  try {
    await options.adapter.createConversationAsync(
      options.appId ?? '',
      activity.channelId,
      activity.serviceUrl,
      CONNECTOR_AUDIENCE,
      parameters,
      async (personal) => {
        // The dialog's state belongs to the personal chat, so the turn is answered again there.
        const replies = await options.bot.handle({
          ...inbound,
          conversation: personal.activity.conversation.id,
        });
        await sendReplies(personal, replies);
      },
    );
    return true;
  } catch {
    return false;
  }
}

function invitation(appId: string | undefined): Partial<Activity> {
  if (!appId) return { type: 'message', text: LABELS.invitePersonal, textFormat: 'plain' };
  const card = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [textBlock(LABELS.invitePersonal)],
    actions: [
      {
        type: 'Action.OpenUrl',
        title: LABELS.openPersonalChat,
        // Teams deep link to a 1:1 chat with the bot (28: is the bot id prefix).
        url: `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(appId)}`,
      },
    ],
    fallbackText: LABELS.invitePersonal,
  };
  return {
    type: 'message',
    text: LABELS.invitePersonal,
    textFormat: 'plain',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
