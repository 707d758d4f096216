import { renderReply } from '../../src/adapters/slack/render';
import { loadBot } from '../../src/core/load-bot';
import type { Reply } from '../../src/core/types';
import type { ApiCall, FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { directMessage, newEventId } from '../adapters/slack/slack-fixtures';
import { sendEvent, type SendOptions } from '../adapters/slack/signed-request';

const { bot: reference } = loadBot();

/** What the core says to `texts` in order, in a fresh conversation of its own (the first reply of each). */
export async function referenceReplies(texts: string[]): Promise<Reply[]> {
  const conversation = newEventId();
  const out: Reply[] = [];
  for (const text of texts) {
    const [reply] = await reference.handle({ channel: 'console', conversation, user: 'u', text });
    out.push(reply!);
  }
  return out;
}

/** The notification text of a reply's first Slack message, as a replica posts it. */
export const postedText = (reply: Reply): string => renderReply(reply)[0]!.text;

/**
 * A conversation that needs memory between turns: a real dialog when the core has one for "should I involve
 * PAB?", otherwise a vague question whose "did you mean" choices are answered by typing "1". Each later
 * turn's reply differs from what a fresh conversation would get, so a match shows the state carried over.
 */
export async function statefulScript(): Promise<{
  kind: 'dialog' | 'choice';
  texts: string[];
  replies: Reply[];
}> {
  const [probe] = await referenceReplies(['should I involve PAB?']);
  if (probe?.kind === 'dialog' && probe.choices.length) {
    const texts = ['should I involve PAB?', '1', '1'];
    return { kind: 'dialog', texts, replies: await referenceReplies(texts) };
  }
  for (const vague of ['rules for photos', 'what about posters', 'planning stuff', 'payroll privacy']) {
    const texts = [vague, '1'];
    const replies = await referenceReplies(texts);
    if (replies[0]!.kind === 'fallback' && replies[0]!.choices.length)
      return { kind: 'choice', texts, replies };
  }
  throw new Error('no vague question offers choices any more: pick another');
}

/** Sends a direct message on `channel` to the replica at `url`; resolves with the bot's posts for it. */
export async function say(
  fake: FakeSlackApi,
  url: string,
  channel: string,
  text: string,
  options: { eventId?: string; send?: SendOptions; settleMs?: number } = {},
): Promise<ApiCall[]> {
  const before = postsTo(fake, channel).length;
  const res = await sendEvent(url, directMessage(text, { channel }, options.eventId), options.send);
  if (res.status !== 200) throw new Error(`replica answered ${res.status}`);
  const deadline = Date.now() + 10_000;
  while (postsTo(fake, channel).length === before) {
    if (Date.now() > deadline) throw new Error(`no reply on ${channel} to a message`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The collection notice of a first contact follows the answer as a second message.
  await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 200));
  return postsTo(fake, channel).slice(before);
}

export const postsTo = (fake: FakeSlackApi, channel: string): ApiCall[] =>
  fake.callsOf('chat.postMessage').filter((call) => call.params.channel === channel);

let counter = 0;
/** A direct-message channel id no other conversation in this run uses. */
export const newDirectChannel = (): string => `D0SCALE${process.pid}${counter++}`.toUpperCase();
