import type { App } from '@slack/bolt';
import type { AcknowledgedTurns } from '../../server/delivery/acknowledged-turns';
import { renderHome } from './render';
import { messageToTurn, type Turn } from './to-inbound';
import { answer, type SlackDeps } from './turns';

/** @mentions in channels, direct messages and the App Home tab. Bolt has already acked each event. */
export function listenToEvents(app: App, deps: SlackDeps, turns: AcknowledgedTurns<Turn>): void {
  const onMessage = async (args: { event: unknown; body: unknown; context: { botUserId?: string } }) => {
    const turn = messageToTurn(args.event, args.context.botUserId);
    if (!turn) return;
    // Bolt runs listeners again for Slack's retries (X-Slack-Retry-Num); the store makes one answer, across replicas.
    const eventId = (args.body as { event_id?: unknown }).event_id;
    const id = typeof eventId === 'string' ? eventId : undefined;
    await turns.deliver(id, turn, () => answer(deps, turn));
  };
  app.event('app_mention', onMessage);
  app.event('message', onMessage);
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await deps.outbox.publishHome(event.user, renderHome(deps.bot.welcome()));
  });
}
