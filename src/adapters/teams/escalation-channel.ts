import { TurnContext, type ConversationReference } from 'botbuilder';
import type { EscalationSink } from '../../core/escalation-sink';
import type { StateStore } from '../../core/state/conversation-store';
import { words } from '../../core/search/text';
import type { TeamsCloudAdapter } from './cloud-adapter';
import { isLoopbackServiceUrl } from './loopback';

/** Where the chosen team channel's conversation reference is kept (shared by replicas through the store). */
const ESCALATION_CHANNEL_KEY = 'teams:escalation-channel';
/** Kept until another channel is chosen: ten years. */
const TEN_YEARS_SECONDS = 10 * 365 * 24 * 60 * 60;
const COMMAND = 'use this channel for escalations';

type ReferenceStore = Pick<StateStore<unknown>, 'get' | 'set'>;

/** True for "@GuideBot use this channel for escalations" in a team channel (case and punctuation ignored). */
export function isEscalationCommand(context: TurnContext, text: string | undefined): boolean {
  return (
    context.activity.conversation.conversationType === 'channel' && words(text ?? '').join(' ') === COMMAND
  );
}

/**
 * Remembers this team channel as where escalations go. The reference points at the channel itself, not the
 * thread the command was typed in, so each escalation starts its own thread.
 */
export async function rememberEscalationChannel(context: TurnContext, store: ReferenceStore): Promise<void> {
  const reference = TurnContext.getConversationReference(context.activity);
  const id = reference.conversation!.id.split(';messageid=')[0]!;
  // Without the command's activity id, a send is a new post rather than a reply to the command.
  const channel = { ...reference, conversation: { ...reference.conversation!, id } };
  delete channel.activityId;
  await store.set(ESCALATION_CHANNEL_KEY, channel, TEN_YEARS_SECONDS);
}

interface TeamsSinkOptions {
  adapter: TeamsCloudAdapter;
  appId: string | undefined;
  store: ReferenceStore;
}

/** Posts confirmed escalations to the remembered team channel; resolves undefined while none is chosen. */
export function createTeamsEscalationSink({ adapter, appId, store }: TeamsSinkOptions): EscalationSink {
  return {
    name: 'teams',
    // Only once someone has typed the command in a team channel.
    ready: async () =>
      Boolean(((await store.get(ESCALATION_CHANNEL_KEY)) as { conversation?: unknown })?.conversation),
    async forward(summary) {
      const reference = (await store.get(ESCALATION_CHANNEL_KEY)) as
        Partial<ConversationReference> | undefined;
      if (!reference?.conversation) return undefined;
      // Local mode has no authentication: it only ever talks to a connector on this machine.
      if (!appId && !isLoopbackServiceUrl(reference.serviceUrl))
        throw new Error('teams local mode: the stored channel is not on a loopback serviceUrl');
      await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
        // botbuilder makes a proactive send a reply to the continuation's made-up activity id; in a channel
        // that must be a new post (a thread of its own).
        context.onSendActivities(async (_, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        await context.sendActivity({ type: 'message', text: summary, textFormat: 'plain' });
      });
      return { where: 'Teams' };
    },
  };
}
