import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KnowledgeFileError } from '../../core/errors';
import { DEFAULT_KNOWLEDGE_DIR } from '../../core/knowledge/load-knowledge';
import { parseYamlFile } from '../../core/knowledge/yaml-file';

const text = z.string().trim().min(1);

const schema = z.strictObject({
  lead: text,
  examples: z.array(text).min(1).max(6),
  dialogsHeading: text,
  noticeShort: text.refine((value) => value.includes('{retentionDays}'), {
    message: 'must say how long questions are kept: {retentionDays}',
  }),
  noticeMore: text,
  fallback: text,
  emailInstead: text,
  emailSubject: text,
});

/** The web chat's own wording (knowledge/web-chat.yaml). */
export type WebWording = z.infer<typeof schema>;

export const WEB_WORDING_FILE = 'web-chat.yaml';

/** Reads and checks knowledge/web-chat.yaml; a problem names the file, the line and the reason. */
export function loadWebWording(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): WebWording {
  const file = path.join(knowledgeDir, WEB_WORDING_FILE);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new KnowledgeFileError(file, '', 'cannot be read: the web chat needs it');
  }
  return parseYamlFile(file, source, schema);
}
