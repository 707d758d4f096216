import type { WebReply } from '../../../src/adapters/web/render';
import { removeTempDirs } from '../../helpers/knowledge-copy';
import { FakeSlackApi } from '../slack/fake-slack-api';
import { postTurn, startTestServer, type TestServer } from './web-server';

// The web chat offers "Send this to them" only when a confirmed escalation would reach someone.
const QUESTION = 'which pizza place in Victoria delivers late?';
const fake = new FakeSlackApi();
const servers: TestServer[] = [];
beforeAll(() => fake.start());
afterAll(async () => {
  for (const server of servers) await server.running.close();
  await fake.stop();
  removeTempDirs();
});

async function fallbackOn(env: Record<string, string>): Promise<WebReply> {
  const server = await startTestServer({ LOG_LEVEL: 'silent', ...env });
  servers.push(server);
  const { status, json } = await postTurn(server.url, { conversation: 'escalate-1', text: QUESTION });
  expect(status).toBe(200);
  return (json as { replies: WebReply[] }).replies.find((reply) => reply.escalation)!;
}

it('with ESCALATION_SLACK_CHANNEL set, asks consent to send', async () => {
  const reply = await fallbackOn({
    SLACK_BOT_TOKEN: 'xoxb-1-2-web',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123',
    SLACK_API_URL: fake.apiUrl,
    ESCALATION_SLACK_CHANNEL: 'C0123ABCD',
  });
  expect(reply.escalation?.consentChoices.map((c) => c.label)).toEqual(['Send this to them', "Don't send"]);
  expect(reply.escalation?.mailto).toBeUndefined();
});

it('with no destination, offers a mailto link holding the redacted question instead', async () => {
  const reply = await fallbackOn({});
  expect(reply.escalation?.consentChoices).toEqual([]);
  expect(reply.choices.map((c) => c.label)).not.toContain('Send this to them');
  const mailto = reply.escalation?.mailto ?? '';
  expect(mailto.split('?')[0]).toBe('mailto:citizenengagement@gov.bc.ca');
  const params = new URLSearchParams(mailto.split('?')[1]);
  expect(params.get('subject')).toBe('Question about the social media guidelines');
  expect(params.get('body')).toBe(reply.escalation?.summary);
  expect(params.get('body')).toContain(`"${QUESTION}"`);
});
