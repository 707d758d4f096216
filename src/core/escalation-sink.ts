/**
 * Where a confirmed escalation goes (a Slack or Teams channel of the Citizen Engagement team). The core has no
 * I/O: the server injects a sink, like the store. `forward` resolves to where the summary went ("Slack"),
 * to undefined when no channel is set up yet (the person gets the email path), and rejects when sending failed.
 */
export interface EscalationSink {
  name: string;
  forward(summary: string): Promise<{ where: string } | undefined>;
  /** Whether `forward` has somewhere to send now; absent means always (a channel fixed by configuration). */
  ready?(): Promise<boolean>;
}
