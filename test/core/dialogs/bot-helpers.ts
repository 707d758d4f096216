import path from 'node:path';
import { createBot, type Bot, type ConversationState } from '../../../src/core/bot';
import { loadBot } from '../../../src/core/load-bot';
import type { SearchIndex } from '../../../src/core/search/search-index';
import type { ConversationStore } from '../../../src/core/state/conversation-store';
import { createMemoryStore } from '../../../src/core/state/memory-store';
import type { TurnEvent } from '../../../src/core/turn-event';
import type { Reply } from '../../../src/core/types';
import { makeTempDir } from '../../helpers/knowledge-copy';

let index: SearchIndex | undefined;

/** The real knowledge and index, loaded once per test file. */
export function realIndex(): SearchIndex {
  index ??= loadBot({ indexPath: path.join(makeTempDir('dialog-bot'), 'index.json') }).index;
  return index;
}

/** A bot over the real knowledge, with its store, a settable clock and every TurnEvent it reported. */
export interface TestBot {
  bot: Bot;
  store: ConversationStore<ConversationState>;
  events: TurnEvent[];
  clock: { now: number };
  /** Sends typed text (or a click, with `{ choice }`) in conversation `c`. */
  say(text: string, c?: string): Promise<Reply[]>;
  click(choice: string, c?: string): Promise<Reply[]>;
  /** Clicks the choice with this label on `replies`. */
  clickLabel(replies: Reply[], label: string, c?: string): Promise<Reply[]>;
  state(c?: string): Promise<ConversationState | undefined>;
}

export const TTL_SECONDS = 60;

export function createTestBot(): TestBot {
  const clock = { now: Date.parse('2026-03-02T10:00:00Z') };
  const store = createMemoryStore<ConversationState>(() => clock.now);
  const events: TurnEvent[] = [];
  const bot = createBot({
    index: realIndex(),
    store,
    conversationTtlSeconds: TTL_SECONDS,
    observe: (event) => void events.push(event),
    now: () => new Date(clock.now),
  });
  const inbound = (c: string) => ({ channel: 'console' as const, conversation: c, user: 'U123-Jane-Doe' });
  const api: TestBot = {
    bot,
    store,
    events,
    clock,
    say: (text, c = 'c1') => bot.handle({ ...inbound(c), text }),
    click: (choice, c = 'c1') => bot.handle({ ...inbound(c), choice }),
    clickLabel(replies, label, c = 'c1') {
      const choice = replies.flatMap((r) => r.choices).find((x) => x.label === label);
      if (!choice)
        throw new Error(`no choice "${label}" in ${JSON.stringify(replies.map((r) => r.choices))}`);
      return api.click(choice.id, c);
    },
    state: (c = 'c1') => store.get(`console:${c}`),
  };
  return api;
}

/** The last reply of a turn. */
export const last = (replies: Reply[]): Reply => replies[replies.length - 1]!;
