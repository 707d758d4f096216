import { readFileSync } from 'node:fs';
import path from 'node:path';

type Json = Record<string, unknown>;

/** A fixture from test/fixtures/slack (payloads in the shapes Slack sends), as a fresh object. */
export function fixture(name: string): Json {
  return JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/slack', name), 'utf8')) as Json;
}

let counter = 0;
/** A new event id, as Slack gives every event its own. */
export const newEventId = (): string =>
  `Ev0TEST${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

/** An Events API envelope from a fixture with its event changed. */
export function envelope(name: string, event: Json = {}, eventId = newEventId()): Json {
  const base = fixture(name);
  return { ...base, event_id: eventId, event: { ...(base.event as Json), ...event } };
}

/** An @mention of the bot in a channel. */
export const mention = (text: string, event: Json = {}, eventId?: string): Json =>
  envelope('app-mention.json', { text: `<@U0BOT0001> ${text}`, ...event }, eventId);

/** A direct message to the bot. */
export const directMessage = (text: string, event: Json = {}, eventId?: string): Json =>
  envelope('message-im.json', { text, ...event }, eventId);

/** Slash command form fields. */
export function command(text: string, responseUrl: string): Record<string, string> {
  return { ...(fixture('slash-command.json') as Record<string, string>), text, response_url: responseUrl };
}

export interface ClickOn {
  actionId: string;
  value: string;
  label: string;
  responseUrl: string;
}

/** A button click on a message the bot posted in a channel thread (or DM), with that message's blocks. */
export function clickOnMessage(
  click: ClickOn,
  message: { ts: string; threadTs?: string; channel?: string; blocks: unknown[]; text?: string },
): Json {
  const base = fixture('block-actions-message.json');
  const channel = message.channel ?? 'C0PUBLIC01';
  return {
    ...base,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel,
      is_ephemeral: false,
      ...(message.threadTs && { thread_ts: message.threadTs }),
    },
    channel: { id: channel, name: 'social-media' },
    message: {
      ...(base.message as Json),
      ts: message.ts,
      thread_ts: message.threadTs,
      text: message.text ?? '',
      blocks: message.blocks,
    },
    response_url: click.responseUrl,
    actions: [action(click)],
  };
}

/** A button click on a private (ephemeral) slash-command reply: Slack sends no message with it. */
export function clickOnEphemeral(click: ClickOn): Json {
  return {
    ...fixture('block-actions-ephemeral.json'),
    response_url: click.responseUrl,
    actions: [action(click)],
  };
}

function action({ actionId, value, label }: ClickOn): Json {
  const base = ((fixture('block-actions-ephemeral.json').actions as Json[])[0] ?? {}) as Json;
  return { ...base, action_id: actionId, value, text: { type: 'plain_text', text: label, emoji: false } };
}
