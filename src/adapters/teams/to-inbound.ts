import type { Activity } from 'botbuilder';
import { capInbound } from '../../core/search/text';
import type { Inbound } from '../../core/types';

/** The data every Action.Submit button carries; Teams hands it back as `activity.value`. */
export interface SubmitData {
  guidebot: {
    choice: string;
    /** The dialog whose card the button was on: its next step replaces that card. */
    dialog?: string;
  };
}

/** A Teams message turned into the core's Inbound, plus what the adapter needs to answer in place. */
export interface TeamsTurn {
  inbound: Inbound;
  /** Set when a button on a dialog card was clicked. */
  fromDialog?: string;
  /** True outside personal chat (channel or group chat). */
  shared: boolean;
}

/** Reads a Teams message activity; undefined when there is nothing for the bot (not a message, not ours). */
export function toInbound(activity: Partial<Activity>): TeamsTurn | undefined {
  if (activity.type !== 'message' || !activity.conversation?.id || !activity.from?.id) return undefined;
  const shared = isShared(activity);
  const base = {
    channel: 'teams' as const,
    conversation: activity.conversation.id,
    // The Entra object id stays the same across chats; the Teams user id is the fallback (Playground, Emulator).
    user: typeof activity.from.aadObjectId === 'string' ? activity.from.aadObjectId : activity.from.id,
  };
  const submitted = readSubmit(activity.value);
  if (submitted) {
    return {
      inbound: { ...base, choice: submitted.choice },
      shared,
      ...(submitted.dialog && { fromDialog: submitted.dialog }),
    };
  }
  if (activity.value !== undefined && !hasText(activity)) return undefined;
  // Teams only delivers channel and group messages that @mention the bot; anything else is not for us.
  if (shared && !mentionsBot(activity)) return undefined;
  const text = removeMentions(activity);
  return text ? { inbound: { ...base, text }, shared } : undefined;
}

function hasText(activity: Partial<Activity>): activity is Partial<Activity> & { text: string } {
  return typeof activity.text === 'string' && activity.text.length > 0;
}

function isShared(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return (
    type === 'channel' || type === 'groupChat' || (type === undefined && !!activity.conversation?.isGroup)
  );
}

function readSubmit(value: unknown): SubmitData['guidebot'] | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = (value as Partial<SubmitData>).guidebot;
  if (!data || typeof data.choice !== 'string' || !data.choice || data.choice.length > 200) return undefined;
  const dialog = typeof data.dialog === 'string' && data.dialog.length <= 200 ? data.dialog : undefined;
  return { choice: data.choice, ...(dialog && { dialog }) };
}

// Teams sends a mention entity per @mention; more than this in one message is not a person typing.
const MAX_MENTIONS = 20;

function botMentions(activity: Partial<Activity>): string[] {
  const botId = activity.recipient?.id;
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities.slice(0, 100) : [];
  return (entities as Array<{ type?: unknown }>)
    .filter((e) => e && e.type === 'mention')
    .filter((e) => !!botId && (e as { mentioned?: { id?: unknown } }).mentioned?.id === botId)
    .map((e) => (e as { text?: unknown }).text)
    .filter((text): text is string => typeof text === 'string' && text.length > 0)
    .slice(0, MAX_MENTIONS);
}

function mentionsBot(activity: Partial<Activity>): boolean {
  return botMentions(activity).length > 0;
}

/** The question without the bot's @mention; other people's mentions keep their names, without the tags. */
export function removeMentions(activity: Partial<Activity>): string {
  // Capped first: everything after runs on at most MAX_INBOUND_CHARS, whatever the body held.
  let text = capInbound(hasText(activity) ? activity.text : '');
  for (const mention of botMentions(activity)) text = text.split(mention).join(' ');
  // Tags dropped one by one (linear); a lazy <at>(.*?)</at> rescans the rest of the text for every <at>.
  text = text.replace(/<\/?at>/gi, '');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// Teams escapes a few characters in message text even when textFormat is "plain".
function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,6}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
