import type { TurnContext } from 'botbuilder';
import type { Bot } from '../../core/bot';
import type { ClaimStore, JournalStore, StateStore } from '../../core/state/conversation-store';
import type { Contact } from '../../core/types';
import type { AcknowledgedTurns } from '../../server/delivery/acknowledged-turns';
import { sendAnswer } from '../../server/delivery/continue-privately';
import type { Logger } from '../../server/logger';
import type { Metrics } from '../../server/metrics';
import type { TeamsCloudAdapter, TurnLogic } from './cloud-adapter';
import { answerOrApologize } from './apology';
import { isEscalationCommand, rememberEscalationChannel } from './escalation-channel';
import { notedTurn, type AdoptedTurn, type NotedTurn } from './journal';
import { LABELS } from './labels';
import { moveToPersonalChat } from './personal-chat';
import { sendReplies } from './send-replies';
import { toInbound, type TeamsTurn } from './to-inbound';

/** A turn still unanswered after this long shows the typing indicator (as botbuilder's ShowTypingMiddleware). */
const TYPING_DELAY_MS = 500;
/** A conversation is greeted once; the marker outlives any realistic gap between install events. */
const WELCOMED_TTL_SECONDS = 365 * 24 * 60 * 60;

export interface TurnDependencies {
  bot: Bot;
  /** Claims (dedupe, greeting once), the escalation channel's reference, and the journal of turns. */
  store: ClaimStore & JournalStore & Pick<StateStore<unknown>, 'get' | 'set'>;
  adapter: TeamsCloudAdapter;
  appId: string | undefined;
  /** Who to contact when the bot itself fails (the Citizen Engagement team). */
  helpContact: Contact;
  logger: Logger;
  /** The server's counters of redeliveries dropped, and of store failures. */
  metrics?: Pick<Metrics, 'dedupeHits' | 'storeErrors'>;
  /** Entra object ids allowed to choose the escalation channel (ESCALATION_TEAMS_ADMINS); unset: anyone. */
  escalationAdmins?: string[];
}

/** The bot's behaviour in Teams: answer messages and card clicks, greet once when installed. */
export function createTurnLogic(deps: TurnDependencies, turns: AcknowledgedTurns<AdoptedTurn>): TurnLogic {
  return (context) =>
    answerOrApologize(context, deps, async () => {
      if (context.activity.type === 'message') await onMessage(context, deps, turns);
      else if (isBotAdded(context)) await greetOnce(context, deps);
    });
}

async function onMessage(
  context: TurnContext,
  deps: TurnDependencies,
  turns: AcknowledgedTurns<AdoptedTurn>,
): Promise<void> {
  const { activity } = context;
  const turn = toInbound(activity);
  if (!turn) return;
  const noted = notedTurn(activity, {
    turn,
    ...(turn.fromDialog && activity.replyToId && { replyToId: activity.replyToId }),
  });
  if (!(await turns.claim(noted.id))) return;
  const stopTyping = typingWhileSlow(context);
  try {
    if (isEscalationCommand(context, turn.inbound.text)) await chooseEscalationChannel(context, deps, turn);
    else await turns.whileNoted(noted.id, noted.turn, () => answerTurn(context, deps, noted.turn));
  } finally {
    stopTyping();
  }
}

/**
 * Shows the typing indicator if the answer is slow to come. Most answers take milliseconds and need none,
 * and each indicator is one more call to the connector. Teams shows none in channels; it never costs the answer.
 */
function typingWhileSlow(context: TurnContext): () => void {
  if (context.activity.conversation.conversationType === 'channel') return () => undefined;
  const timer = setTimeout(
    () => void context.sendActivity({ type: 'typing' }).catch(() => undefined),
    TYPING_DELAY_MS,
  );
  return () => clearTimeout(timer);
}

async function chooseEscalationChannel(
  context: TurnContext,
  deps: TurnDependencies,
  turn: TeamsTurn,
): Promise<void> {
  // Local mode authenticates no one: nobody may choose where other people's escalations go.
  const allowed =
    !!deps.appId && (!deps.escalationAdmins || deps.escalationAdmins.includes(turn.inbound.user));
  if (allowed) await rememberEscalationChannel(context, deps.store);
  const text = allowed ? LABELS.escalationChannelSet : LABELS.escalationChannelRefused;
  await context.sendActivity({ type: 'message', text, textFormat: 'plain' });
}

/** The core's answer to a turn, sent in the conversation of `context` (the message's, or a continuation's). */
export async function answerTurn(
  context: TurnContext,
  deps: TurnDependencies,
  { turn, replyToId }: NotedTurn,
): Promise<void> {
  await sendAnswer(await deps.bot.handle(turn.inbound), {
    shared: turn.shared,
    send: (replies) => {
      // A click on a dialog's card that leads to that dialog's next step replaces the card.
      const replaces = turn.fromDialog && replies[0]?.dialog?.id === turn.fromDialog && replyToId;
      return sendReplies(context, replies, replaces ? replyToId : undefined);
    },
    sendPrivately: () => moveToPersonalChat(context, turn.inbound, deps),
  });
}

function isBotAdded(context: TurnContext): boolean {
  const { activity } = context;
  const botId = activity.recipient?.id;
  if (activity.type === 'conversationUpdate') return !!activity.membersAdded?.some((m) => m.id === botId);
  return activity.type === 'installationUpdate' && activity.action === 'add';
}

async function greetOnce(context: TurnContext, deps: TurnDependencies): Promise<void> {
  const key = `teams-welcomed:${context.activity.conversation.id}`;
  if (!(await deps.store.claim(key, WELCOMED_TTL_SECONDS).catch(() => true))) return;
  await sendReplies(context, [deps.bot.welcome()]);
}
