import type { Env } from '../config';
import type { Bot, ConversationState } from '../core/bot';
import type { ConversationStore } from '../core/state/conversation-store';
import type { SearchIndex } from '../core/search/search-index';
import type { EscalationSinks } from './escalation-sinks';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { Route } from './route';

/** What every channel gets from the server: the one core, and the store replicas share. */
export interface ChannelContext {
  bot: Bot;
  index: SearchIndex;
  store: ConversationStore<ConversationState>;
  env: Env;
  /** Count store failures (`metrics.storeErrors.inc()`) and dropped retries (`metrics.dedupeHits.inc()`). */
  metrics?: Metrics;
  /** Structured logs; lines written while a request is handled carry its reqId. Never log message text. */
  logger?: Logger;
  /** Where confirmed escalations go: the Teams channel adds its sink (a team channel chosen in chat). */
  escalation?: EscalationSinks;
  /**
   * Runs work that goes on after the request is acknowledged (answering, sending): shutdown waits for it.
   * Without it (tests of a lone channel) the work just runs.
   */
  track?<T>(work: () => Promise<T>): Promise<T>;
  /**
   * True while MAX_TURNS_IN_FLIGHT tracked turns are still being answered: a channel then refuses new work
   * with 503 (Slack and Teams send it again later) rather than acknowledge what it cannot answer in time.
   */
  overloaded?(): boolean;
}

/** A running channel: the routes it serves and, for sockets or timers, how to start and stop it. */
export interface Channel {
  name: string;
  routes: Route[];
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/**
 * Whether a channel runs with this environment, and why not when it does not (`guidebot doctor` and the
 * start-up log say so). A set-up whose variables are present but wrong throws a ConfigError instead.
 */
export type ChannelSetup =
  | {
      name: string;
      enabled: true;
      summary: string;
      /** Set when the channel runs in a risky way an operator chose (doctor and the start-up log warn). */
      warning?: string;
      create(context: ChannelContext): Promise<Channel>;
      /** Checks with the platform what `create` would (a rejected token): for `guidebot doctor`. */
      verify?(): Promise<void>;
    }
  | { name: string; enabled: false; reason: string };
