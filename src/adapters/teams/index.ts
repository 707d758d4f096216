import type { Env } from '../../config';
import type { Channel, ChannelContext, ChannelSetup } from '../../server/channel';
import { createLogger } from '../../server/logger';
import { isLoopback } from '../../server/loopback';
import { TeamsCloudAdapter } from './cloud-adapter';
import { readTeamsConfig, type TeamsConfig } from './config';
import { createTeamsEscalationSink } from './escalation-channel';
import { createMessagesRoute } from './messages-route';
import { teamsTurns } from './journal';
import { createTurnLogic, type TurnDependencies } from './turn';
import { fallbackContact } from '../../core/knowledge/reply-sources';

/**
 * Whether the Teams channel runs: always with Bot Framework credentials. Without them (local mode, for the
 * Agents Playground or the Emulator) nothing is authenticated, so it runs only outside production and, like
 * the web chat, only on a loopback HOST unless TEAMS_LOCAL_MODE=on says otherwise (then with a warning).
 */
export function teamsSetup(env: Env): ChannelSetup {
  const config = readTeamsConfig(env);
  if (config.appId) {
    const summary = `POST /api/messages, Bot Framework authentication (${config.appType}, app ${config.appId})`;
    return {
      name: 'teams',
      enabled: true,
      summary,
      create: (context) => createTeamsChannel(context, config),
    };
  }
  const off = (reason: string): ChannelSetup => ({ name: 'teams', enabled: false, reason });
  if (config.production)
    return off(
      'NODE_ENV is production and MicrosoftAppId is not set: set MicrosoftAppId, MicrosoftAppPassword, ' +
        'MicrosoftAppType and MicrosoftAppTenantId from the Azure Bot resource to turn Teams on',
    );
  if (config.localMode === 'off') return off('MicrosoftAppId is not set and TEAMS_LOCAL_MODE is off');
  const loopbackHost = isLoopback(config.host);
  if (!loopbackHost && config.localMode !== 'on')
    return off(
      `MicrosoftAppId is not set and HOST ${config.host} is reachable from other machines: local mode has no ` +
        'authentication, so it stays off. Set MicrosoftAppId (see README), or TEAMS_LOCAL_MODE=on to run it anyway',
    );
  return {
    name: 'teams',
    enabled: true,
    summary:
      'POST /api/messages, local mode: no authentication; only callers on this machine, replies only to a ' +
      'loopback serviceUrl, no choosing the escalation channel',
    ...(!loopbackHost && {
      warning:
        `TEAMS_LOCAL_MODE=on with HOST ${config.host}: Teams runs WITHOUT AUTHENTICATION. Requests from other ` +
        'machines are refused, but any program on this machine (a reverse proxy included) can talk as anyone. ' +
        'Set MicrosoftAppId for a real deployment',
    }),
    create: (context) => createTeamsChannel(context, config),
  };
}

/** The Teams channel: one CloudAdapter and the `/api/messages` route on the shared server. */
async function createTeamsChannel(context: ChannelContext, config: TeamsConfig): Promise<Channel> {
  const logger = (context.logger ?? createLogger(context.env)).child({ channel: 'teams' });
  const adapter = new TeamsCloudAdapter(config);
  const helpContact = fallbackContact(context.index.kb.contacts);
  const deps: TurnDependencies = {
    bot: context.bot,
    store: context.store,
    adapter,
    appId: config.appId,
    helpContact,
    logger,
    ...(context.metrics && { metrics: context.metrics }),
    ...(config.escalationAdmins && { escalationAdmins: config.escalationAdmins }),
  };
  const turns = teamsTurns(deps);
  const logic = createTurnLogic(deps, turns);
  let stopAdopting = (): void => undefined;
  context.escalation?.addTeams(
    createTeamsEscalationSink({ adapter, appId: config.appId, store: context.store }),
  );
  return {
    name: 'teams',
    routes: [
      createMessagesRoute({
        adapter,
        logic,
        localMode: !config.appId,
        logger,
        ...(context.track && { track: context.track }),
        ...(context.overloaded && { overloaded: context.overloaded }),
      }),
    ],
    // Turns of replicas killed after acknowledging a message (Redis only), answered here.
    start: () => {
      stopAdopting = turns.adoptOrphans();
      return Promise.resolve();
    },
    stop: () => {
      stopAdopting();
      return Promise.resolve();
    },
  };
}
