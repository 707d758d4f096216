import path from 'node:path';
import { createBot } from '../../../src/core/bot';
import { loadBot } from '../../../src/core/load-bot';
import type { ConversationState } from '../../../src/core/bot';
import type { ConversationStore } from '../../../src/core/state/conversation-store';
import { createMemoryStore } from '../../../src/core/state/memory-store';
import type { TurnResult } from '../../../src/core/turns/turn-result';
import { makeTempDir, removeTempDirs } from '../../helpers/knowledge-copy';
import { playCase, readTranscripts } from './transcript-runner';

// Every branch of every dialog, as transcript tables kept as data in transcripts/*.yaml.
const transcripts = readTranscripts();
const taken = new Set<string>();

/** A memory store that notes the dialog answer each turn gave: the branches the transcripts walk. */
function recordingStore(): ConversationStore<ConversationState> {
  const store = createMemoryStore<ConversationState>();
  return {
    ...store,
    update: (key, ttl, change) =>
      store.update(key, ttl, async (current) => {
        const result = await change(current);
        const answer = (result.result as TurnResult).answer;
        if (answer) taken.add(`${answer.dialog}/${answer.step}/${answer.option}`);
        return result;
      }),
  };
}

const loaded = loadBot({ indexPath: path.join(makeTempDir('transcripts'), 'index.json') });
const bot = createBot({
  index: loaded.index,
  store: recordingStore(),
  now: () => new Date('2026-01-15T12:00:00Z'),
});
const outcomes = new Set<string>();
const observed = createBot({
  index: loaded.index,
  store: recordingStore(),
  observe: (event) => {
    if (event.dialog?.outcome) outcomes.add(`${event.dialog.id}/${event.dialog.outcome}`);
  },
});
afterAll(removeTempDirs);

let n = 0;
describe.each(transcripts.map((t) => [t.file, t] as const))('%s', (_file, transcript) => {
  it.each(transcript.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await playCase(bot, `transcript-${++n}`, c.turns);
    await playCase(observed, `observed-${n}`, c.turns);
  });
});

describe('the transcripts', () => {
  it('cover one file per dialog', () => {
    expect(transcripts.map((t) => t.dialog).sort()).toEqual(loaded.index.kb.dialogs.map((d) => d.id).sort());
  });

  it('take every branch of every dialog and reach every outcome', () => {
    const branches: string[] = [];
    const ends: string[] = [];
    for (const dialog of loaded.index.kb.dialogs) {
      for (const step of dialog.steps.values()) {
        for (const option of step.options) branches.push(`${dialog.id}/${step.id}/${option.id}`);
        if (step.freeText) branches.push(`${dialog.id}/${step.id}/text`);
      }
      for (const outcome of dialog.outcomes.keys()) ends.push(`${dialog.id}/${outcome}`);
    }
    expect(branches.filter((b) => !taken.has(b))).toEqual([]);
    expect(ends.filter((e) => !outcomes.has(e))).toEqual([]);
  });
});
