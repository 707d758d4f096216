import { redactLogFields } from '../../src/server/log-redaction';

describe('log redaction', () => {
  it('blanks text, tokens and secrets at the top level and one level down, and credentials in headers', () => {
    const fields = {
      text: 'Jane Doe, 250-555-0199',
      message: 'my question',
      inbound: { channel: 'slack', text: 'the question', user: 'U1' },
      headers: { Authorization: 'Bearer xoxb-1', 'content-type': 'application/json' },
      req: { headers: { cookie: 'session=1', 'x-slack-signature': 'v0=abc' }, method: 'POST' },
      err: { type: 'Error', message: 'the error’s own message' },
      status: 200,
    };
    expect(redactLogFields(fields)).toEqual({
      text: '[redacted]',
      message: '[redacted]',
      inbound: { channel: 'slack', text: '[redacted]', user: 'U1' },
      headers: { Authorization: '[redacted]', 'content-type': 'application/json' },
      req: { headers: { cookie: '[redacted]', 'x-slack-signature': '[redacted]' }, method: 'POST' },
      err: { type: 'Error', message: 'the error’s own message' },
      status: 200,
    });
    // The caller's object is left as it was.
    expect(fields.inbound.text).toBe('the question');
  });

  it('hands back the same object when nothing needs blanking', () => {
    const fields = { reqId: 'r-1', method: 'POST', path: '/slack/events', status: 200, nested: { a: 1 } };
    expect(redactLogFields(fields)).toBe(fields);
  });
});
