import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../core/knowledge/load-knowledge';
import { parseYamlFile, readKnowledgeFile } from '../core/knowledge/yaml-file';

/** The placeholders a message may use; anything else in braces is a typo the loader reports. */
const placeholders = (allowed: string[]) => (text: string) =>
  [...text.matchAll(/\{([^}]*)\}/g)].every((match) => allowed.includes(match[1] ?? ''));

/** knowledge/operations.yaml: the bot's wording for operational replies (rate limit). */
const operationsFileSchema = z
  .object({
    rateLimited: z
      .string()
      .trim()
      .min(1)
      .refine(placeholders(['limit']), 'may use only the placeholder {limit}'),
  })
  .strict();

type OperationsFile = z.infer<typeof operationsFileSchema>;

const OPERATIONS_FILE = 'operations.yaml';

/** Loads and validates operations.yaml from the knowledge folder; any problem is a KnowledgeFileError. */
export function loadOperations(dir = DEFAULT_KNOWLEDGE_DIR): OperationsFile {
  const file = path.join(dir, OPERATIONS_FILE);
  const source = readKnowledgeFile(
    file,
    'copy operations.yaml from the knowledge folder that ships with guidebot',
  );
  return parseYamlFile(file, source, operationsFileSchema);
}

/** The rate-limit reply with its {limit} filled in. */
export function renderRateLimitMessage(operations: OperationsFile, perMinute: number): string {
  return operations.rateLimited.replaceAll('{limit}', String(perMinute));
}
