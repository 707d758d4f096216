import { isLoopbackServiceUrl } from '../../../src/adapters/teams/loopback';
import { toInbound } from '../../../src/adapters/teams/to-inbound';
import { fixture } from './fake-connector';

const at = (name: string, overrides: Record<string, unknown> = {}) =>
  fixture(name, { serviceUrl: 'http://127.0.0.1:1/', choice: 'section:b-approvals' }, overrides);

describe('reading Teams activities', () => {
  test('a personal message keeps its text and uses the Entra object id as the user', () => {
    const turn = toInbound(at('personal-message'));
    expect(turn?.inbound).toEqual({
      channel: 'teams',
      conversation: expect.stringMatching(/^a:/),
      user: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      text: 'Can I post a photo of a member of the public?',
    });
    expect(turn?.shared).toBe(false);
  });

  test("the bot's mention is removed; other people's mentions keep their names; entities are decoded", () => {
    const text = '<at>GuideBot</at> can I thank <at>Megan Bowen</at> by name &amp; photo?&nbsp;';
    const turn = toInbound(at('channel-mention', { text }));
    expect(turn?.inbound.text).toBe('can I thank Megan Bowen by name & photo?');
    expect(turn?.shared).toBe(true);
    const group = { id: '19:meeting_abc@thread.v2', conversationType: 'groupChat', isGroup: true };
    expect(toInbound(at('channel-mention', { conversation: group }))?.inbound.text).toBe(
      'who approves a new social media project?',
    );
    expect(toInbound(at('channel-mention', { conversation: group, entities: [] }))).toBeUndefined();
  });

  test('a card submit becomes a choice; a value that is not ours is ignored', () => {
    expect(toInbound(at('card-submit'))?.inbound.choice).toBe('section:b-approvals');
    expect(toInbound(at('card-submit', { value: { action: 'something-else' } }))).toBeUndefined();
    expect(toInbound(at('card-submit', { value: { guidebot: { choice: 42 } } }))).toBeUndefined();
  });

  test('install events, empty messages and mention-only messages are not questions', () => {
    expect(toInbound(at('install'))).toBeUndefined();
    expect(toInbound(at('personal-message', { text: '   ' }))).toBeUndefined();
    expect(toInbound(at('channel-mention', { text: '<at>GuideBot</at>' }))).toBeUndefined();
  });

  test.each([
    ['http://127.0.0.1:56150/_connector', true],
    ['http://127.8.9.10/', true],
    ['http://localhost:3978/', true],
    ['http://[::1]:8080/', true],
    ['http://2130706433/', true],
    ['https://smba.trafficmanager.net/amer/', false],
    ['http://127.0.0.1.nip.io/', false],
    ['http://localhost@evil.example/', false],
    ['http://10.0.0.5/', false],
    ['ftp://127.0.0.1/', false],
    ['not a url', false],
    [undefined, false],
  ])('serviceUrl %s is loopback: %s', (url, loopback) => {
    expect(isLoopbackServiceUrl(url)).toBe(loopback);
  });
});
