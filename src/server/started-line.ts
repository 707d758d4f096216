import type { Channel } from './channel';

const LABELS: Record<string, string> = { web: 'web chat', slack: 'Slack', teams: 'Teams' };

/** The one line `guidebot serve` prints for a person once it listens: where to chat, and what is on. */
export function startedLine(url: string, channels: Channel[]): string {
  const names = channels.map((channel) => LABELS[channel.name] ?? channel.name);
  const open = channels.some((channel) => channel.name === 'web') ? `Open ${url}/ to chat. ` : '';
  return `guidebot is running. ${open}Channels on: ${names.join(', ')}. Ctrl+C stops it.`;
}
