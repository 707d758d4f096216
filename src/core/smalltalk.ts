import type { MessagesFile } from './knowledge/schema';

/** The reply messages.yaml gives for a small-talk class (greeting, thanks, help, bye). */
export function smalltalkReply(messages: MessagesFile, id: string): string | undefined {
  return messages.smalltalk.find((s) => s.id === id)?.reply;
}
