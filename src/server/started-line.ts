import type { Channel } from './channel';
import { CHANNEL_LABELS } from './channels';

/** The one line `guidebot serve` prints for a person once it listens: where to chat, and what is on. */
export function startedLine(url: string, channels: Channel[]): string {
  const names = channels.map((channel) => CHANNEL_LABELS[channel.name] ?? channel.name);
  const open = channels.some((channel) => channel.name === 'web') ? `Open ${url}/ to chat. ` : '';
  return `guidebot is running. ${open}Channels on: ${names.join(', ')}. Ctrl+C stops it.`;
}
