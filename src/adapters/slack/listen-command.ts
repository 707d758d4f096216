import type { App } from '@slack/bolt';
import { capInbound } from '../../core/search/text';
import { rememberQuestion } from './button-questions';
import { toPlainText } from './slack-text';
import { commandConversation } from './to-inbound';
import { handle, type SlackDeps } from './turns';
import { renderPlain } from './render';

/**
 * `/guidelines <question>` answers privately with a "Share in channel" button; `/guidelines` alone shows the
 * welcome. Any command name is accepted, so a workspace may rename the command in the manifest.
 */
export function listenToCommand(app: App, deps: SlackDeps): void {
  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    const question = toPlainText(capInbound(command.text ?? ''));
    if (!question) {
      const [first, ...rest] = deps.render(deps.bot.welcome());
      await ack({ response_type: 'ephemeral', text: first?.text ?? '', blocks: first?.blocks ?? [] });
      if (rest.length) await deps.outbox.respond(respond, 'ephemeral', rest);
      return;
    }
    await ack();
    const inbound = {
      channel: 'slack' as const,
      conversation: commandConversation(command.channel_id, command.user_id),
      user: command.user_id,
      text: question,
    };
    const replies = await handle(deps, inbound);
    if (!replies) return deps.outbox.respond(respond, 'ephemeral', [renderPlain(deps.fallbackText)]);
    for (const reply of replies) {
      // Sensitive answers stay private: no button to post them in the channel.
      const share =
        reply.kind === 'answer' && !reply.sensitive
          ? { share: { question: await rememberQuestion(deps.store, question) } }
          : {};
      await deps.outbox.respond(respond, 'ephemeral', deps.render(reply, share));
    }
  });
}
