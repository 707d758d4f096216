import { loadConfig, type BaseConfig, type Env } from '../config';
import { createSlackEscalationSink } from '../adapters/slack/escalation-sink';
import { loadAnalyticsConfig } from '../core/analytics/analytics-config';
import { ConfigError, GuidebotError } from '../core/errors';
import { loadKnowledge, type KnowledgeBase } from '../core/knowledge/load-knowledge';
import { loadPrivacyKnowledge } from '../core/privacy/privacy-file';
import type { ChannelSetup } from '../server/channel';
import { loadOperations } from './operations-file';
import { loadOpsConfig, type OpsConfig } from './ops-config';

/** A channel set-up may say which channel it is, so that its configuration errors are reported as its own. */
export type NamedSetup = ((env: Env) => ChannelSetup) & { channel?: string };

/** One reason the server would not start: what it concerns ("settings", "knowledge", "Slack"...) and why. */
export interface StartupProblem {
  what: string;
  error: Error;
}

export interface StartupCheck {
  problems: StartupProblem[];
  config?: BaseConfig;
  ops?: OpsConfig;
  kb?: KnowledgeBase;
  /** What each channel decided (those whose variables could be read). */
  channels: ChannelSetup[];
  /** Where confirmed escalations go, in words. */
  escalation: string;
}

/**
 * Everything `serve` checks before it starts, in one place so that `doctor` checks the same: every setting,
 * the knowledge files, each channel's variables, and that one channel at least is on. Every problem is
 * collected, each once. (Redis, the Slack token and HOST:PORT need the network: see doctor and serve.)
 */
export function checkStartup(env: Env, setups: NamedSetup[]): StartupCheck {
  const problems: StartupProblem[] = [];
  const attempt = <T>(what: string, check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      const errors = error instanceof ConfigError ? error.problems : [error as Error];
      for (const one of errors)
        if (!problems.some((p) => sameProblem(p.error, one))) problems.push({ what, error: one });
      return undefined;
    }
  };
  const config = attempt('settings', () => loadConfig(env));
  const ops = attempt('settings', () => loadOpsConfig(env));
  attempt('settings', () => loadAnalyticsConfig(env));
  const knowledgeDir = env.GUIDEBOT_KNOWLEDGE_DIR || undefined;
  const kb = attempt('knowledge', () => loadKnowledge(knowledgeDir));
  attempt('knowledge', () => loadPrivacyKnowledge(knowledgeDir));
  attempt('knowledge', () => loadOperations(knowledgeDir));
  const slackSink = attempt('escalation', () => createSlackEscalationSink(env));

  const channels: ChannelSetup[] = [];
  for (const setup of setups) {
    const decided = attempt(setup.channel ?? 'channel', () => setup(env));
    if (decided) channels.push(decided);
  }
  if (!channels.some((c) => c.enabled))
    problems.push({
      what: 'channels',
      error: new GuidebotError(
        'CONFIG_INVALID',
        'no channel would be enabled: set the variables of at least one (see README)',
      ),
    });
  const escalation = describeEscalation(env, Boolean(slackSink), channels, kb);
  return {
    problems,
    channels,
    escalation,
    ...(config && { config }),
    ...(ops && { ops }),
    ...(kb && { kb }),
  };
}

/** Two readers of one variable (PORT is read by the server and the web chat) report it once. */
function sameProblem(a: Error, b: Error): boolean {
  if (a instanceof ConfigError && b instanceof ConfigError) return a.variable === b.variable;
  return a.message === b.message;
}

/** One error for `serve` to stop with: the problem itself when there is one, else every problem a line. */
export function startupError(problems: StartupProblem[]): Error {
  const [first] = problems;
  if (problems.length === 1 && first) return first.error;
  const lines = problems.map(({ what, error }) => (what === 'settings' ? '' : `${what}: `) + error.message);
  return new GuidebotError('CONFIG_INVALID', `${problems.length} problems:\n  ${lines.join('\n  ')}`);
}

function describeEscalation(
  env: Env,
  toSlack: boolean,
  channels: ChannelSetup[],
  kb: KnowledgeBase | undefined,
): string {
  if (toSlack) return `to the Slack channel ${env.ESCALATION_SLACK_CHANNEL?.trim()} (invite the bot to it)`;
  const contact = kb?.contacts.contacts.find((c) => c.id === kb.contacts.fallback);
  const email = contact?.email ? ` (${contact.email})` : '';
  const nowhere = `nowhere: people are given the contact${email} and the text to send themselves`;
  if (channels.some((c) => c.name === 'teams' && c.enabled))
    return `to the Teams channel where someone types "@GuideBot use this channel for escalations"; until then ${nowhere}`;
  return `${nowhere} (set ESCALATION_SLACK_CHANNEL to send them to a Slack channel)`;
}
