import { z } from 'zod';
import { capInbound } from '../../core/search/text';
import type { Inbound } from '../../core/types';
import { DIALOG_BLOCK_PREFIX } from './blocks';
import { toPlainText } from './slack-text';

/** Where replies to a turn go: a channel, and the thread in it when there is one. */
export interface Place {
  channel: string;
  threadTs?: string;
}

/** A turn Slack sent, ready for the core, with where to answer it. */
export interface Turn {
  inbound: Inbound;
  place: Place;
}

// Direct-message channel ids start with D; C and G are channels and group conversations others can read.
export const isDirect = (channel: string): boolean => channel.startsWith('D');

/** One conversation per thread in channels, one per direct-message channel (or thread in it). */
export function conversationOf(place: Place): string {
  return place.threadTs ? `${place.channel}:${place.threadTs}` : place.channel;
}

const messageEvent = z.object({
  type: z.string(),
  channel: z.string().min(1),
  user: z.string().optional(),
  text: z.string().default(''),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  channel_type: z.string().optional(),
  // Set on an edited message that still mentions the bot: it was answered when first sent.
  edited: z.unknown().optional(),
});

/**
 * An app_mention or a direct message as a turn; undefined for what the bot must not answer: other bots
 * (itself included), edits, deletions, joins and every other subtype, and messages outside direct messages.
 */
export function messageToTurn(event: unknown, botUserId?: string): Turn | undefined {
  const parsed = messageEvent.safeParse(event);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  if (e.subtype || e.bot_id || e.edited || !e.user || e.user === botUserId) return undefined;
  const direct = isDirect(e.channel);
  if (e.type === 'message' && (!direct || (e.channel_type && e.channel_type !== 'im'))) return undefined;
  // In a channel the answer goes in the message's thread; in a direct message, right below it.
  const threadTs = e.thread_ts ?? (direct ? undefined : e.ts);
  const place: Place = { channel: e.channel, ...(threadTs && { threadTs }) };
  // A mention starts with the bot's own <@U...>, also when its user id is not known yet.
  const typed = capInbound(e.text);
  const spoken = e.type === 'app_mention' ? typed.replace(/^\s*<@[A-Z0-9]+>/, '') : typed;
  const text = toPlainText(spoken, botUserId);
  return { inbound: { channel: 'slack', conversation: conversationOf(place), user: e.user, text }, place };
}

/** `/guidelines` answers privately, so each person has their own conversation per channel. */
export function commandConversation(channel: string, user: string): string {
  return `${channel}:command:${user}`;
}

const blockActions = z.object({
  user: z.object({ id: z.string() }),
  container: z.object({
    type: z.string(),
    channel_id: z.string().optional(),
    message_ts: z.string().optional(),
    thread_ts: z.string().optional(),
    is_ephemeral: z.boolean().optional(),
  }),
  channel: z.object({ id: z.string() }).optional(),
  message: z
    .object({
      ts: z.string(),
      thread_ts: z.string().optional(),
      blocks: z.array(z.object({ block_id: z.string().optional() }).loose()).default([]),
    })
    .optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        value: z.string().default(''),
        text: z.object({ text: z.string() }).optional(),
      }),
    )
    .min(1),
});

/** A button click, with where it happened. */
export interface Click {
  user: string;
  actionId: string;
  value: string;
  label: string;
  /** A message in a channel or DM, a private (ephemeral) slash-command reply, or the App Home tab. */
  where:
    | { kind: 'message'; place: Place; ts: string; dialogId?: string }
    | { kind: 'ephemeral'; channel: string }
    | { kind: 'home' };
}

/** A block_actions payload as a click; undefined when it is not one this app can place. */
export function toClick(body: unknown): Click | undefined {
  const parsed = blockActions.safeParse(body);
  if (!parsed.success) return undefined;
  const { user, container, channel, message, actions } = parsed.data;
  const action = actions[0]!;
  const base = {
    user: user.id,
    actionId: action.action_id,
    value: action.value,
    label: action.text?.text ?? '',
  };
  const channelId = container.channel_id ?? channel?.id;
  if (container.type === 'view') return { ...base, where: { kind: 'home' } };
  if (!channelId) return undefined;
  if (container.is_ephemeral || !message)
    return { ...base, where: { kind: 'ephemeral', channel: channelId } };
  const threadTs = message.thread_ts ?? (isDirect(channelId) ? undefined : message.ts);
  const place: Place = { channel: channelId, ...(threadTs && { threadTs }) };
  const marker = message.blocks.find((b) => b.block_id?.startsWith(DIALOG_BLOCK_PREFIX))?.block_id;
  const dialogId = marker?.slice(DIALOG_BLOCK_PREFIX.length);
  return { ...base, where: { kind: 'message', place, ts: message.ts, ...(dialogId && { dialogId }) } };
}
