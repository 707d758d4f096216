import { createBot } from '../../src/core/bot';
import { GuidebotError } from '../../src/core/errors';
import { loadBot } from '../../src/core/load-bot';
import type { ConversationState } from '../../src/core/bot';
import type { ConversationStore } from '../../src/core/state/conversation-store';
import { createMemoryStore } from '../../src/core/state/memory-store';

// The core with a store that cannot be reached: questions are answered, turns needing memory say so.
const { index } = loadBot();
const { messages } = index.kb;

function failingStore(error: Error): ConversationStore<ConversationState> {
  const fail = () => Promise.reject(error);
  return { ...createMemoryStore<ConversationState>(), get: fail, set: fail, update: fail, claim: fail };
}

const down = () => new GuidebotError('STORE_UNAVAILABLE', 'Redis at redis://127.0.0.1:1 is unavailable');
const turn = (text: string, choice?: string) => ({
  channel: 'console' as const,
  conversation: 'c',
  user: 'u',
  text,
  ...(choice && { choice }),
});

describe('a bot whose store is unavailable', () => {
  const healthy = createBot({ index, store: createMemoryStore() });
  const bot = createBot({ index, store: failingStore(down()) });

  it('answers a question from the guideline, exactly as a healthy bot would', async () => {
    const question = 'can we talk about court cases with the public?';
    const replies = await bot.handle(turn(question));
    expect(replies[0]!.kind).toBe('answer');
    expect(replies[0]!.citations[0]!.sectionId).toBe('c-being-professional');
    expect(replies[0]!.passages[0]!.text).toContain('1) matters before the courts');
    expect(replies).toEqual(await healthy.handle(turn(question)));
  });

  it('says to try again for a typed number or a clicked choice instead of guessing', async () => {
    for (const inbound of [turn('1'), turn(' 2. '), turn('Planning', 'section:planning')]) {
      const replies = await bot.handle(inbound);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toContain(messages.storeUnavailable);
    }
  });

  it('lets any other store failure through to the channel', async () => {
    const broken = createBot({ index, store: failingStore(new Error('bug')) });
    await expect(broken.handle(turn('hello'))).rejects.toThrow('bug');
  });
});
