import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../../src/adapters/slack/events-route';

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: {
    app_home: {
      home_tab_enabled: boolean;
      messages_tab_enabled: boolean;
      messages_tab_read_only_enabled: boolean;
    };
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; url: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const file = path.resolve(__dirname, '../../../manifests/slack/manifest.yaml');
const text = readFileSync(file, 'utf8');
const manifest = parse(text) as Manifest;

describe('manifests/slack/manifest.yaml', () => {
  it('asks for exactly the scopes the events, command and replies need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write'].sort(),
    );
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ]);
  });

  it('sends events, the slash command and clicks to the one URL the server serves', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    // One thing to change: the host, the same placeholder everywhere.
    expect(new Set(urls.map((u) => new URL(u).host))).toEqual(new Set(['your-host']));
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/guidelines']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("lets people write to the bot from App Home, and fits Slack's field limits", () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    const { name, description, long_description } = manifest.display_information;
    expect(name.length).toBeLessThanOrEqual(35);
    expect(description.length).toBeLessThanOrEqual(140);
    expect(long_description.length).toBeGreaterThanOrEqual(175);
    expect(long_description.length).toBeLessThanOrEqual(4000);
    for (const command of manifest.features.slash_commands)
      expect(command.description.length).toBeLessThanOrEqual(100);
  });
});
