import { appendFile } from 'node:fs/promises';

/**
 * Appends text to files, a batch at a time: what arrives while a file's write is running goes out together
 * in the next one (group commit). Each promise resolves once its own text is written, as appendFile's would;
 * under load one open, write and close serves many events instead of one each.
 */
export function createBatchedAppender(mode: number): (file: string, text: string) => Promise<void> {
  const waiting = new Map<string, Batch>();
  const writing = new Set<string>();

  async function drain(file: string): Promise<void> {
    writing.add(file);
    for (let batch = waiting.get(file); batch; batch = waiting.get(file)) {
      waiting.delete(file);
      try {
        // One write with O_APPEND: whole lines, also when replicas share the folder.
        await appendFile(file, batch.texts.join(''), { mode });
        for (const done of batch.done) done.resolve();
      } catch (error) {
        for (const done of batch.done) done.reject(error);
      }
    }
    writing.delete(file);
  }

  return (file, text) =>
    new Promise<void>((resolve, reject) => {
      let batch = waiting.get(file);
      if (!batch) waiting.set(file, (batch = { texts: [], done: [] }));
      batch.texts.push(text);
      batch.done.push({ resolve, reject });
      if (!writing.has(file)) void drain(file);
    });
}

interface Batch {
  texts: string[];
  done: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}
