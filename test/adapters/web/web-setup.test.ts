import { webSetup } from '../../../src/adapters/web';
import { ConfigError } from '../../../src/core/errors';
import { removeTempDirs } from '../../helpers/knowledge-copy';
import { startTestServer } from './web-server';

// Whether the web chat runs, decided from the environment as `guidebot serve` sees it.
afterAll(removeTempDirs);

describe('webSetup', () => {
  it.each([
    ['nothing set (the embedded default)', {}],
    ['HOST=localhost', { HOST: 'localhost' }],
    ['HOST=::1', { HOST: '::1' }],
    ['HOST=127.0.0.2', { HOST: '127.0.0.2' }],
  ])('is on for %s, this machine only', (_name, env) => {
    const setup = webSetup(env);
    expect(setup.enabled).toBe(true);
    if (setup.enabled) expect(setup.summary).toContain('this machine only');
  });

  it.each(['0.0.0.0', '::', '10.1.2.3', 'guidebot.example.gov.bc.ca'])(
    'is off for HOST=%s unless WEB_CHAT=on, and says why and how to change it',
    (host) => {
      const off = webSetup({ HOST: host });
      expect(off.enabled).toBe(false);
      if (!off.enabled) {
        expect(off.reason).toContain(host);
        expect(off.reason).toContain('WEB_CHAT=on');
      }
      const on = webSetup({ HOST: host, WEB_CHAT: 'on' });
      expect(on.enabled).toBe(true);
      if (on.enabled) expect(on.summary).toContain('open to the network');
    },
  );

  it('is off with WEB_CHAT=off, even on loopback', () => {
    expect(webSetup({ WEB_CHAT: 'off' })).toEqual({ name: 'web', enabled: false, reason: 'WEB_CHAT is off' });
  });

  it('stops start-up on a WEB_CHAT it does not know, naming the variable and the fix', () => {
    expect(() => webSetup({ WEB_CHAT: 'yes' })).toThrow(ConfigError);
    expect(() => webSetup({ WEB_CHAT: 'yes' })).toThrow(/^WEB_CHAT: .*Set it to "on".*"off"/);
  });
});

describe('guidebot serve', () => {
  it('serves the chat page at / with no channel credentials at all', async () => {
    const server = await startTestServer({});
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<label for="message">');
    } finally {
      await server.running.close();
    }
  });

  it('does not serve the page when listening on all interfaces without WEB_CHAT=on', async () => {
    // Teams' local mode explicitly on keeps one channel up (a server with none is refused).
    const server = await startTestServer({ HOST: '0.0.0.0', TEAMS_LOCAL_MODE: 'on' });
    try {
      const port = new URL(server.url).port;
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(server.logs.join('')).toContain('WEB_CHAT=on');
    } finally {
      await server.running.close();
    }
  });
});
