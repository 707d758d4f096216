import type { EscalationSink } from '../core/escalation-sink';

/** The server's one escalation sink: Slack when configured, else the Teams channel once a channel joins. */
export interface EscalationSinks extends EscalationSink {
  /** The Teams channel registers its sink when it starts (it needs the channel's adapter). */
  addTeams(sink: EscalationSink): void;
  /** Whether a confirmed escalation would go anywhere now (else people are given the e-mail address). */
  configured(): Promise<boolean>;
}

export function createEscalationSinks(slack: EscalationSink | undefined): EscalationSinks {
  let teams: EscalationSink | undefined;
  return {
    name: 'escalation',
    // Slack wins when both are set: it is configured by the operator, Teams by any admin in a chat.
    forward: (summary) => (slack ?? teams)?.forward(summary) ?? Promise.resolve(undefined),
    addTeams(sink) {
      teams = sink;
    },
    async configured() {
      const sink = slack ?? teams;
      if (!sink) return false;
      return sink.ready ? sink.ready().catch(() => false) : true;
    },
  };
}
