import type { MessagesFile } from './knowledge/schema';
import { saidPhrase } from './dialogs/phrase-words';
import { words } from './search/text';

interface Smalltalk {
  id: string;
  reply: string;
}

const GREETING_ID = 'greeting';
// A greeting followed by this many words or fewer is still small talk ("hey, how's your day going?").
const MAX_SMALLTALK_WORDS = 6;

/** The small-talk entry a whole message is (after an optional greeting), if any. */
export function matchSmalltalk(messages: MessagesFile, text: string): Smalltalk | undefined {
  const message = words(text).join(' ');
  const help = messages.smalltalk.find((s) => s.id === 'help');
  if (!message) return help && { id: help.id, reply: help.reply };
  const is = (entry: { phrases: string[] }, said: string): boolean =>
    entry.phrases.some((p) => saidPhrase(p) === said);
  const exact = messages.smalltalk.find((s) => is(s, message));
  if (exact) return { id: exact.id, reply: exact.reply };
  const greeting = messages.smalltalk.find((s) => s.id === GREETING_ID);
  const opener = greeting?.phrases.map(saidPhrase).find((p) => message.startsWith(`${p} `));
  if (!greeting || !opener) return undefined;
  const rest = message.slice(opener.length + 1);
  const restEntry = messages.smalltalk.find((s) => is(s, rest));
  if (restEntry) return { id: restEntry.id, reply: restEntry.reply };
  return undefined;
}

/** Loose match for a message the guideline did not answer: a greeting and a few words is small talk. */
export function looksLikeSmalltalk(messages: MessagesFile, text: string): Smalltalk | undefined {
  const message = words(text);
  const greeting = messages.smalltalk.find((s) => s.id === GREETING_ID);
  if (!greeting || message.length > MAX_SMALLTALK_WORDS) return undefined;
  const joined = message.join(' ');
  const opens = greeting.phrases.map(saidPhrase).some((p) => joined === p || joined.startsWith(`${p} `));
  return opens ? { id: greeting.id, reply: greeting.reply } : undefined;
}
