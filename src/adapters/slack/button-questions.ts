import { randomUUID } from 'node:crypto';
import type { ConversationStore } from '../../core/state/conversation-store';
import { withTextRedacted } from '../../core/state/turn-journal';

/** Long enough to click "Continue privately" or "Share in channel" after a meeting; then it is gone. */
const QUESTION_TTL_SECONDS = 24 * 60 * 60;
const PREFIX = 'slack:button-question:';

type QuestionStore = Pick<ConversationStore<unknown>, 'get' | 'set'>;

/**
 * Keeps a question for a button and returns the id the button carries instead: Slack stores a message's
 * button values with it, where everyone in the channel can read them. Kept with personal information
 * removed, as the core sees it. Store down: the id leads nowhere, and the click says so.
 */
export async function rememberQuestion(store: QuestionStore, question: string): Promise<string> {
  const id = randomUUID();
  const { text } = withTextRedacted({ text: question });
  await store.set(`${PREFIX}${id}`, { question: text }, QUESTION_TTL_SECONDS).catch(() => undefined);
  return id;
}

/** The question a button's id stands for; undefined once expired, forgotten or never kept. */
export async function recallQuestion(store: QuestionStore, id: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const kept = (await store.get(`${PREFIX}${id}`).catch(() => undefined)) as
    { question?: unknown } | undefined;
  return typeof kept?.question === 'string' ? kept.question : undefined;
}
