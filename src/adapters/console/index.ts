import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { Bot } from '../../core/bot';
import { resolveChoice } from '../../core/choices';
import { choiceIds } from '../../core/dialogs/choice-ids';
import { capInbound } from '../../core/search/text';
import type { Choice, Inbound, Reply } from '../../core/types';
import { eachLine } from './lines';
import { renderForTerminal, renderOneShot } from './render';

const CHANNEL = 'console';
const USER = 'console-user';

// Every line is cut to the shared cap before anything reads it (a pasted document is one line).
function turn(conversation: string, text: string): Inbound {
  return { channel: CHANNEL, conversation, user: USER, text: capInbound(text) };
}

/** A line typed after the welcome screen: its number or label picks one of the choices it showed. */
function afterWelcome(conversation: string, typed: string, welcome: Choice[]): Inbound {
  const line = capInbound(typed);
  const picked = resolveChoice(welcome, { channel: CHANNEL, conversation, user: USER, text: line });
  return picked
    ? { channel: CHANNEL, conversation, user: USER, choice: picked.id }
    : turn(conversation, line);
}

/** A reply of its own for the collection notice, as the other channels send it. */
function noticeReply(notice: string): Reply {
  return {
    kind: 'smalltalk',
    note: 'collection-notice',
    text: notice,
    intro: notice,
    passages: [],
    citations: [],
    choices: [],
    contacts: [],
  };
}

/**
 * `guidebot ask "question"`: one answer, printed for a person. The process ends after it, so nothing is
 * offered that would need another turn; the collection notice follows when it is due.
 */
export async function askOnce(
  bot: Bot,
  question: string,
  output: Writable,
  options: { didYouMean: string; notice?: string | undefined },
): Promise<void> {
  for (const reply of await bot.handle(turn('ask', question)))
    output.write(`${renderOneShot(reply, options.didYouMean)}\n`);
  if (options.notice) output.write(`\n${options.notice}\n`);
}

/** `guidebot ask --json`: each input line is a question in a new conversation; one JSON reply per line. */
export async function askEachLine(bot: Bot, input: Readable, output: Writable): Promise<void> {
  await eachLine(input, async (line, n) => {
    const replies = await bot.handle(turn(`ask-${n}`, line));
    output.write(`${JSON.stringify(replies[0])}\n`);
  });
}

/**
 * `guidebot chat --json`: each input line is a turn of one conversation; each turn's replies are written as
 * one JSON line, {"replies": [...]}, so a script knows when a turn is complete. The collection notice, when
 * due, is a reply (note "collection-notice") of the first turn.
 */
export async function chatJson(bot: Bot, input: Readable, output: Writable, notice?: string): Promise<void> {
  let due = notice;
  await eachLine(input, async (line) => {
    const replies = await bot.handle(turn('chat', line));
    if (due) replies.push(noticeReply(due));
    due = undefined;
    output.write(`${JSON.stringify({ replies })}\n`);
  });
}

/** `guidebot chat`: an interactive chat in the terminal; the collection notice after the welcome when due. */
export async function chatInteractive(
  bot: Bot,
  input: Readable,
  output: Writable,
  greeting: string,
  notice?: string,
): Promise<void> {
  const welcome = bot.welcome();
  output.write(`${greeting}\n\n${renderForTerminal(welcome)}\n\n${notice ? `${notice}\n\n` : ''}`);
  const reader = createInterface({
    input,
    output,
    prompt: 'you> ',
    terminal: Boolean((input as { isTTY?: boolean }).isTTY),
  });
  reader.prompt();
  let first = true;
  let inDialog = false;
  for await (const line of reader) {
    const typed = line.trim().toLowerCase().replace(/^\//, '');
    // "exit" during a guided check cancels the check (the core reads it as cancel); a second one leaves.
    if ((typed === 'exit' || typed === 'quit') && !inDialog) break;
    // The welcome is shown before the conversation exists, so the core cannot resolve "2" against it.
    const inbound = first
      ? afterWelcome('chat', line, welcome.choices)
      : turn('chat', inDialog ? typed : line);
    first = false;
    const replies: Reply[] = await bot.handle(inbound);
    for (const reply of replies) output.write(`\n${renderForTerminal(reply)}\n\n`);
    // A check waits after its question, or after an answer that offers "Back to" it.
    inDialog = replies.some(
      (r) => r.dialog?.ended === false || r.choices.some((c) => c.id.startsWith(choiceIds.resume)),
    );
    reader.prompt();
  }
  reader.close();
}
