import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { withTextRedacted } from '../../core/state/turn-journal';
import { createAcknowledgedTurns, type AcknowledgedTurns } from '../../server/delivery/acknowledged-turns';
import { answerOrApologize } from './apology';
import { isLoopbackServiceUrl } from './loopback';
import type { TeamsTurn } from './to-inbound';
import { answerTurn, type TurnDependencies } from './turn';

/** How long a delivered activity id is remembered, so a connector retry is not answered twice. */
const SEEN_TTL_SECONDS = 10 * 60;

/** A turn as the core would answer it, with where the answer goes. */
export interface NotedTurn {
  turn: TeamsTurn;
  /** The clicked card a dialog's next step replaces. */
  replyToId?: string;
}

/** A noted turn as another replica reads it back: the turn, and the conversation to answer in. */
export type AdoptedTurn = NotedTurn & { reference: Partial<ConversationReference> };

// What is noted: the conversation reference to answer in, and the turn with personal information already
// replaced, as the core would see it anyway.
const notedShape = z.object({
  reference: z.looseObject({
    serviceUrl: z.string(),
    channelId: z.string(),
    conversation: z.looseObject({ id: z.string() }),
    activityId: z.string().optional(),
  }),
  turn: z.object({
    inbound: z.object({
      channel: z.literal('teams'),
      conversation: z.string(),
      user: z.string(),
      text: z.string().optional(),
      choice: z.string().optional(),
    }),
    fromDialog: z.string().optional(),
    shared: z.boolean(),
  }),
  replyToId: z.string().optional(),
});

/**
 * Teams' message turns, answered after the acknowledgement: one answer per activity across replicas, noted
 * in the journal as `teams:<conversation id>:<activity id>` while it runs, and answered by another replica
 * (in a continuation of the conversation) if this one stops first.
 */
export function teamsTurns(deps: TurnDependencies): AcknowledgedTurns<AdoptedTurn> {
  return createAcknowledgedTurns<AdoptedTurn>(deps, {
    name: 'teams',
    claimSeconds: SEEN_TTL_SECONDS,
    claimKey: (id) => `teams-seen:${id}`,
    note: ({ reference, turn, replyToId }) => ({
      reference,
      turn: { ...turn, inbound: withTextRedacted(turn.inbound) },
      ...(replyToId && { replyToId }),
    }),
    readNote: (value) => {
      const parsed = notedShape.safeParse(value);
      // The reference passes through as noted; botbuilder reads what it needs of it.
      if (!parsed.success) return undefined;
      const noted = parsed.data as unknown as AdoptedTurn;
      // Local mode has no authentication: it only ever talks to a connector on this machine.
      return deps.appId || isLoopbackServiceUrl(noted.reference.serviceUrl) ? noted : undefined;
    },
    answerAdopted: (noted) => answerAdopted(deps, noted),
  });
}

/** The turn of `activity` as the journal notes it (the delivery id: `<conversation id>:<activity id>`). */
export function notedTurn(
  activity: Activity,
  noted: NotedTurn,
): { id: string | undefined; turn: AdoptedTurn } {
  return {
    id: activity.id && `${activity.conversation.id}:${activity.id}`,
    turn: { reference: TurnContext.getConversationReference(activity), ...noted },
  };
}

async function answerAdopted(deps: TurnDependencies, { reference, ...noted }: AdoptedTurn): Promise<void> {
  try {
    await deps.adapter.continueConversationAsync(deps.appId ?? '', reference, async (context) => {
      // botbuilder makes a proactive send a reply to the continuation's made-up activity id; this answer
      // replies to the message it answers.
      context.onSendActivities(async (_, activities, next) => {
        for (const activity of activities) activity.replyToId = reference.activityId;
        return next();
      });
      // A failing core gets the person the contact, as on the replica that took the message.
      await answerOrApologize(context, deps, () => answerTurn(context, deps, noted));
    });
  } catch (error) {
    // Could not reach the conversation at all (the connector refused the continuation).
    deps.logger.error({ err: { name: (error as Error)?.name } }, 'adopted teams turn failed');
  }
}
