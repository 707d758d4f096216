import type { App } from '@slack/bolt';
import type { Inbound } from '../../core/types';
import { ACTIONS } from './blocks';
import { recallQuestion } from './button-questions';
import { escapeMrkdwn } from './mrkdwn';
import type { Respond } from './outbox';
import { renderPlain } from './render';
import { commandConversation, conversationOf, isDirect, toClick, type Click, type Place } from './to-inbound';
import { answer, handle, postReplies, type SlackDeps } from './turns';
import { SLACK_WORDING } from './wording';
import { withoutFeedback } from './feedback-blocks';

/** Every button this app renders (action ids `gb:...`); each click is acked at once and answered after. */
export function listenToActions(app: App, deps: SlackDeps): void {
  app.action(/^gb:/, async ({ ack, body, respond }) => {
    await ack();
    const click = toClick(body);
    if (!click) return;
    const reply = respond as Respond | undefined;
    if (isAction(click, ACTIONS.share)) return share(deps, click, reply);
    if (isAction(click, ACTIONS.private))
      return continuePrivately(deps, click.user, await recallQuestion(deps.store, click.value));
    return choose(deps, click, reply, isAction(click, ACTIONS.feedback), body);
  });
}

// Buttons in a row need distinct action ids, so each gets a suffix: gb:choice:c-0, gb:choice:c-1 ...
const isAction = (click: Click, action: string): boolean =>
  click.actionId === action || click.actionId.startsWith(`${action}:`);

function inboundFor(click: Click, conversation: string, feedback: boolean): Inbound {
  // A feedback id is not an answer to anything; a choice also carries its label, so a choice the conversation
  // no longer offers (an old card, a button in App Home) is answered as if the label had been typed.
  const text = feedback ? {} : { text: click.label };
  return { channel: 'slack', conversation, user: click.user, choice: click.value, ...text };
}

async function choose(
  deps: SlackDeps,
  click: Click,
  respond: Respond | undefined,
  feedback: boolean,
  body: unknown,
) {
  const { where } = click;
  if (where.kind === 'home') return continuePrivately(deps, click.user, click.label, click.value);
  if (where.kind === 'ephemeral') {
    const replies = await handle(
      deps,
      inboundFor(click, commandConversation(where.channel, click.user), feedback),
    );
    if (!respond) return;
    if (!replies) return deps.outbox.respond(respond, 'ephemeral', [renderPlain(deps.fallbackText)]);
    for (const r of replies)
      await deps.outbox.respond(respond, r.dialog ? 'replace' : 'ephemeral', deps.render(r));
    return;
  }
  const { place, ts } = where;
  const replies = await handle(deps, inboundFor(click, conversationOf(place), feedback));
  if (feedback) return afterFeedback(deps, click.user, place, ts, body, replies);
  const [first, ...rest] = replies ?? [];
  // A dialog step answering a click on its own card replaces the card: the dialog reads as one evolving card.
  if (first?.dialog && where.dialogId === first.dialog.id && !(first.sensitive && !isDirect(place.channel))) {
    await deps.outbox.update(place, ts, deps.render(first));
    return postReplies(deps, place, rest, click.label);
  }
  return postReplies(deps, place, replies, click.label);
}

/** Feedback buttons go once clicked; what the bot says back is for the clicker alone in shared channels. */
async function afterFeedback(
  deps: SlackDeps,
  user: string,
  place: Place,
  ts: string,
  body: unknown,
  replies: Awaited<ReturnType<typeof handle>>,
) {
  const original = withoutFeedback(body);
  if (original) await deps.outbox.update(place, ts, [original]);
  const messages = (replies ?? []).flatMap((r) => deps.render(r));
  if (isDirect(place.channel)) await deps.outbox.post(place, messages);
  else await deps.outbox.ephemeral(place, user, messages);
}

/** "Share in channel" on a private slash-command answer: the same answer, posted for everyone. */
async function share(deps: SlackDeps, click: Click, respond: Respond | undefined) {
  if (click.where.kind !== 'ephemeral' || !respond) return;
  const question = await recallQuestion(deps.store, click.value);
  if (!question) return;
  const inbound = {
    channel: 'slack' as const,
    conversation: commandConversation(click.where.channel, click.user),
    user: click.user,
    text: question,
  };
  const replies = (await handle(deps, inbound)) ?? [];
  const attribution = SLACK_WORDING.sharedBy(click.user, escapeMrkdwn(question));
  const messages = replies.filter((r) => !r.sensitive).flatMap((r) => deps.render(r, { attribution }));
  if (messages.length) await deps.outbox.respond(respond, 'in_channel', messages);
}

/** Opens (or finds) the direct message with the person and answers there (the welcome when the question is gone). */
async function continuePrivately(deps: SlackDeps, user: string, text: string | undefined, choice?: string) {
  const channel = await deps.outbox.openDirect(user);
  if (!channel) return;
  const place: Place = { channel };
  if (text === undefined) return deps.outbox.post(place, deps.render(deps.bot.welcome()));
  const inbound: Inbound = {
    channel: 'slack',
    conversation: conversationOf(place),
    user,
    text,
    ...(choice && { choice }),
  };
  await answer(deps, { inbound, place });
}
