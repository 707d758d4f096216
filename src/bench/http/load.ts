import { createHmac } from 'node:crypto';
import type { Request } from 'autocannon';

/** Credentials the benchmark's bots and load share; never real ones. */
export const BENCH_SIGNING_SECRET = '8f742231b10e8888abcd99eeeeee85a5';
export const BENCH_SLACK_TOKEN = 'xoxb-1234567890-0987654321-BenchTokenNotReal';

// Questions staff ask, rotated through; each simulated person (200 of them) has their own conversation.
const QUESTIONS = [
  'can i tweet abt a court case?',
  'do I need a PIA?',
  'who approves a new social media account?',
  'can I post a photo of a member of the public?',
  'how long do we keep comments as records?',
  'what can I say during an election?',
];
const PEOPLE = 200;

let sent = 0;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`.toUpperCase();

/** A Slack direct message event, new event id each time, signed now as Slack signs it. */
export function slackRequest(): Request {
  const n = sent++;
  const ts = `${Math.floor(Date.now() / 1000)}.${String(n % 1_000_000).padStart(6, '0')}`;
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T0GUIDE01',
    api_app_id: 'A0GUIDE01',
    event_id: `Ev0B${run}${n.toString(36).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0GUIDE01', user_id: 'U0BOT0001', is_bot: true }],
    event: {
      type: 'message',
      channel_type: 'im',
      channel: `D0BENCH${n % PEOPLE}`,
      user: `U0BENCH${n % PEOPLE}`,
      text: QUESTIONS[n % QUESTIONS.length],
      ts,
      event_ts: ts,
    },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', BENCH_SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    method: 'POST',
    path: '/slack/events',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${signature}`,
    },
    body,
  };
}

/** A Bot Framework message activity from a personal chat, as the connector posts it in local mode. */
export function teamsRequest(serviceUrl: string): Request {
  const n = sent++;
  const body = JSON.stringify({
    type: 'message',
    id: `bench-${run}-${n}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:bench-user-${n % PEOPLE}`, name: 'Bench User' },
    conversation: { id: `a:bench-${n % PEOPLE}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    recipient: { id: '28:bench-bot', name: 'GuideBot' },
    text: QUESTIONS[n % QUESTIONS.length],
    textFormat: 'plain',
    locale: 'en-CA',
  });
  return { method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json' }, body };
}
