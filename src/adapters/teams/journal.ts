import { TurnContext, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { adoptEvery, whileNoted, withTextRedacted } from '../../core/state/turn-journal';
import { journalUse } from '../../server/journal-use';
import { answerOrApologize } from './apology';
import { isLoopbackServiceUrl } from './loopback';
import type { TeamsTurn } from './to-inbound';
import type { TurnDependencies } from './turn';

/** Teams' turns in the journal, shared with other channels: `teams:<conversation id>:<activity id>`. */
const JOURNAL_PREFIX = 'teams:';

/** A turn as the core would answer it, with where the answer goes. */
export interface NotedTurn {
  turn: TeamsTurn;
  /** The clicked card a dialog's next step replaces. */
  replyToId?: string;
}

/** A noted turn as another replica reads it back: the turn, and the conversation to answer in. */
type AdoptedTurn = NotedTurn & { reference: Partial<ConversationReference> };

/** Answers `noted` in the conversation of `context` (its message or a continuation of it). */
type AnswerTurn = (context: TurnContext, noted: NotedTurn) => Promise<void>;

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
 * Answers a message turn, noted in the store's journal while it runs (Redis only). The connector has its
 * acknowledgement and will not send the activity again: if this replica is killed before the answer is
 * sent, another replica finds the note and answers instead (see adoptOrphanedTeamsTurns).
 */
export function answerNoted(
  context: TurnContext,
  deps: TurnDependencies,
  noted: NotedTurn,
  answer: AnswerTurn,
): Promise<void> {
  const { activity } = context;
  const payload = () =>
    JSON.stringify({
      reference: TurnContext.getConversationReference(activity),
      ...withoutPersonalDetails(noted),
    });
  const id = activity.id && `${activity.conversation.id}:${activity.id}`;
  return whileNoted(journalUse(deps, JOURNAL_PREFIX), id, payload, () => answer(context, noted));
}

/** Looks for Teams turns of stopped replicas every `journal.checkEveryMs` and answers them; returns the stop. */
export function adoptOrphanedTeamsTurns(deps: TurnDependencies, answer: AnswerTurn): () => void {
  return adoptEvery(journalUse(deps, JOURNAL_PREFIX), async ({ payload }) => {
    const noted = parseNoted(payload);
    // Local mode has no authentication: it only ever talks to a connector on this machine.
    const sendable = noted && (deps.appId || isLoopbackServiceUrl(noted.reference.serviceUrl));
    deps.logger.warn({ answered: !!sendable }, 'teams turn adopted from a stopped replica');
    if (sendable) await answerAdopted(deps, noted, answer);
  });
}

async function answerAdopted(
  deps: TurnDependencies,
  { reference, ...noted }: AdoptedTurn,
  answer: AnswerTurn,
): Promise<void> {
  try {
    await deps.adapter.continueConversationAsync(deps.appId ?? '', reference, async (context) => {
      // botbuilder makes a proactive send a reply to the continuation's made-up activity id; this answer
      // replies to the message it answers.
      context.onSendActivities(async (_, activities, next) => {
        for (const activity of activities) activity.replyToId = reference.activityId;
        return next();
      });
      // A failing core gets the person the contact, as on the replica that took the message.
      await answerOrApologize(context, deps, () => answer(context, noted));
    });
  } catch (error) {
    // Could not reach the conversation at all (the connector refused the continuation).
    deps.logger.error({ err: { name: (error as Error)?.name } }, 'adopted teams turn failed');
  }
}

function withoutPersonalDetails({ turn, replyToId }: NotedTurn): NotedTurn {
  return { turn: { ...turn, inbound: withTextRedacted(turn.inbound) }, ...(replyToId && { replyToId }) };
}

function parseNoted(payload: string): AdoptedTurn | undefined {
  try {
    const parsed = notedShape.safeParse(JSON.parse(payload));
    // The reference passes through as noted; botbuilder reads what it needs of it.
    return parsed.success ? (parsed.data as unknown as AdoptedTurn) : undefined;
  } catch {
    return undefined;
  }
}
