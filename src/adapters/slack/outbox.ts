import type { webApi } from '@slack/bolt';
import type { Logger } from '../../server/logger';
import type { HomeView, KnownBlock, SlackMessage } from './blocks';
import { renderPlain } from './render';
import { retrying } from './retrying';
import type { Place } from './to-inbound';

type WebClient = webApi.WebClient;
/** Bolt's respond(): posts to the response_url of a slash command or a click. */
export type Respond = (message: Record<string, unknown>) => Promise<unknown>;
type RespondMode = 'ephemeral' | 'replace' | 'in_channel';

/** Everything the Slack channel sends. A failed send is logged (no text) and followed by one fallback try. */
export interface Outbox {
  post(place: Place, messages: SlackMessage[]): Promise<void>;
  /** Replaces the message `ts` with the first message; the rest follow in the thread. */
  update(place: Place, ts: string, messages: SlackMessage[]): Promise<void>;
  /** Visible only to `user`, in the channel (and thread) of `place`. */
  ephemeral(place: Place, user: string, messages: SlackMessage[]): Promise<void>;
  respond(respond: Respond, mode: RespondMode, messages: SlackMessage[]): Promise<void>;
  /** The direct-message channel with `user`, opening it if needed. */
  openDirect(user: string): Promise<string | undefined>;
  publishHome(user: string, view: HomeView): Promise<void>;
}

export function createOutbox(client: WebClient, logger: Logger, fallbackText: string): Outbox {
  const fallback = renderPlain(fallbackText);
  const thread = (place: Place) => ({
    channel: place.channel,
    ...(place.threadTs && { thread_ts: place.threadTs }),
  });
  const failed = (op: string, error: unknown) =>
    logger.warn({ op, slackError: errorCode(error) }, 'slack call failed');

  /** Runs `send`; on failure logs and runs `rescue` once, logging again if that fails too. */
  async function attempt(
    op: string,
    send: () => Promise<unknown>,
    rescue: () => Promise<unknown>,
  ): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (error) {
      failed(op, error);
      try {
        await rescue();
        logger.info({ op }, 'slack fallback sent');
      } catch (again) {
        failed(`${op} (fallback)`, again);
      }
      return false;
    }
  }
  const postFallback = (place: Place) => () =>
    client.chat.postMessage({ ...thread(place), text: fallback.text });
  const post = (place: Place, m: SlackMessage) =>
    client.chat.postMessage({
      ...thread(place),
      text: m.text,
      blocks: encoded(m.blocks),
      unfurl_links: false,
    });

  return {
    async post(place, messages) {
      for (const m of messages)
        if (!(await attempt('chat.postMessage', () => post(place, m), postFallback(place)))) return;
    },
    async update(place, ts, messages) {
      const [first, ...rest] = messages;
      if (!first) return;
      const update = () =>
        client.chat.update({ channel: place.channel, ts, text: first.text, blocks: encoded(first.blocks) });
      if (await attempt('chat.update', update, postFallback(place))) await this.post(place, rest);
    },
    async ephemeral(place, user, messages) {
      for (const m of messages) {
        const send = () =>
          client.chat.postEphemeral({ ...thread(place), user, text: m.text, blocks: encoded(m.blocks) });
        const rescue = () => client.chat.postEphemeral({ ...thread(place), user, text: fallback.text });
        if (!(await attempt('chat.postEphemeral', send, rescue))) return;
      }
    },
    async respond(respond, mode, messages) {
      // Slack cannot turn a private message public: delete it, then post the reply to the channel.
      if (mode === 'in_channel')
        await retrying(() => respond({ delete_original: true })).catch((e) => failed('response_url', e));
      for (const [i, m] of messages.entries()) {
        const how =
          mode === 'replace' && i === 0
            ? { replace_original: true }
            : { response_type: mode === 'in_channel' ? 'in_channel' : 'ephemeral', replace_original: false };
        const send = () => retrying(() => respond({ ...how, text: m.text, blocks: m.blocks }));
        const rescue = () =>
          respond({ response_type: 'ephemeral', replace_original: false, text: fallback.text });
        if (!(await attempt('response_url', send, rescue))) return;
      }
    },
    async openDirect(user) {
      try {
        const opened = await client.conversations.open({ users: user });
        return opened.channel?.id;
      } catch (error) {
        failed('conversations.open', error);
        return undefined;
      }
    },
    async publishHome(user, view) {
      try {
        await client.views.publish({ user_id: user, view });
      } catch (error) {
        failed('views.publish', error);
      }
    },
  };
}

// Rendered blocks are never changed once made, and a remembered answer's are the same array every time.
const encodings = new WeakMap<KnownBlock[], string>();

/**
 * The blocks as the JSON text the Web API takes. @slack/web-api walks and encodes an array of blocks on
 * every call (once for a debug line it builds even when debug is off, once for the form body); their JSON
 * text goes out byte for byte the same, and is made once per rendering.
 */
function encoded(blocks: KnownBlock[]): KnownBlock[] {
  let json = encodings.get(blocks);
  if (json === undefined) {
    json = JSON.stringify(blocks);
    encodings.set(blocks, json);
  }
  // The client's types want an array; a string is what it would have made of it.
  return json as unknown as KnownBlock[];
}

/** Slack's error code (invalid_blocks, ratelimited, ...) or the error's kind: never message text. */
export function errorCode(error: unknown): string {
  const e = error as { data?: { error?: unknown }; code?: unknown; statusCode?: unknown; name?: unknown };
  const code = e?.data?.error ?? e?.statusCode ?? e?.code ?? e?.name;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : 'unknown';
}
