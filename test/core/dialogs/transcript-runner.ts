import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Bot } from '../../../src/core/bot';
import type { Reply } from '../../../src/core/types';

/** One transcript file: cases for one dialog, kept as data (test/core/dialogs/transcripts/*.yaml). */
export interface TranscriptFile {
  file: string;
  dialog: string;
  cases: { name: string; turns: string[][] }[];
}

export const TRANSCRIPT_DIR = path.join(__dirname, 'transcripts');

export function readTranscripts(): TranscriptFile[] {
  return readdirSync(TRANSCRIPT_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({
      file: name,
      ...(parse(readFileSync(path.join(TRANSCRIPT_DIR, name), 'utf8')) as Omit<TranscriptFile, 'file'>),
    }));
}

const flat = (text: string): string => text.replace(/\s+/g, ' ').toLowerCase();

/**
 * Plays one case in a new conversation. "click: Label" clicks the last reply's choice with that label;
 * anything else is typed. Fails with the turn, the expectation and the replies when one does not hold.
 */
export async function playCase(bot: Bot, conversation: string, turns: string[][]): Promise<void> {
  let last: Reply[] = [];
  for (const [input, ...expected] of turns) {
    const click = input!.startsWith('click: ') ? input!.slice('click: '.length) : undefined;
    const choice = click && last.flatMap((r) => r.choices).find((c) => c.label === click);
    if (click && !choice)
      throw new Error(
        `turn "${input}": no choice labelled "${click}" in ${JSON.stringify(last.map((r) => r.choices))}`,
      );
    last = await bot.handle({
      channel: 'console',
      conversation,
      user: 'transcript',
      ...(choice ? { choice: choice.id } : { text: input! }),
    });
    const text = flat(last.map((r) => r.text).join('\n'));
    const final = last[last.length - 1]!;
    for (const phrase of expected) {
      const fail = (why: string): never => {
        throw new Error(`turn "${input}": ${why}\n--- replies:\n${last.map((r) => r.text).join('\n---\n')}`);
      };
      if (phrase === '@ended') {
        if (final.dialog?.ended !== true) fail('expected the dialog to end');
      } else if (phrase === '@open') {
        if (final.kind !== 'dialog' || final.dialog?.ended !== false) fail('expected a dialog question');
      } else if (phrase.startsWith('!')) {
        if (text.includes(flat(phrase.slice(1)))) fail(`must not contain "${phrase.slice(1)}"`);
      } else if (!text.includes(flat(phrase))) fail(`missing "${phrase}"`);
    }
  }
}
