import type { App } from '@slack/bolt';
import { renderHome } from './render';
import { messageToTurn } from './to-inbound';
import { answerNoted } from './journal';
import { claimEvent, type SlackDeps } from './turns';

/** @mentions in channels, direct messages and the App Home tab. Bolt has already acked each event. */
export function listenToEvents(app: App, deps: SlackDeps): void {
  const onMessage = async (args: {
    event: unknown;
    body: unknown;
    context: { botUserId?: string; retryNum?: number };
  }) => {
    const turn = messageToTurn(args.event, args.context.botUserId);
    if (!turn) return;
    // Bolt runs listeners again for Slack's retries (X-Slack-Retry-Num); the store makes one answer, across replicas.
    const eventId = (args.body as { event_id?: unknown }).event_id;
    if (!(await claimEvent(deps, eventId, args.context.retryNum))) return;
    await answerNoted(deps, typeof eventId === 'string' ? eventId : undefined, turn);
  };
  app.event('app_mention', onMessage);
  app.event('message', onMessage);
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await deps.outbox.publishHome(event.user, renderHome(deps.bot.welcome()));
  });
}
