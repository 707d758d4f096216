import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeFileError } from '../errors';
import type { Guideline } from './guideline';
import { parseGuideline } from './parse-guideline';
import {
  contactsFileSchema,
  messagesFileSchema,
  questionsFileSchema,
  synonymsFileSchema,
  type ContactsFile,
  type MessagesFile,
  type QuestionsFile,
  type SynonymsFile,
} from './schema';
import { parseYamlFile } from './yaml-file';

/** Everything in knowledge/, validated and cross-checked. */
export interface KnowledgeBase {
  dir: string;
  guideline: Guideline;
  contacts: ContactsFile;
  synonyms: SynonymsFile;
  questions: QuestionsFile;
  messages: MessagesFile;
  /** sha256 of every knowledge file: the index built from them is stale when it differs. */
  hash: string;
}

/** The knowledge/ folder that ships with the project (src/core/knowledge or dist/core/knowledge -> root). */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(__dirname, '../../../knowledge');

export function loadKnowledge(dir = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const hash = createHash('sha256');
  const read = (name: string, optional = false): string | undefined => {
    const file = path.join(dir, name);
    if (optional && !existsSync(file)) return undefined;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new KnowledgeFileError(
        file,
        '',
        `cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause})`,
        { cause },
      );
    }
    hash.update(`${name}\0${text}\0`);
    return text;
  };
  const file = (name: string): string => path.join(dir, name);

  const guideline = parseGuideline(file('guidelines.md'), read('guidelines.md')!);
  const contacts = parseYamlFile(file('contacts.yaml'), read('contacts.yaml')!, contactsFileSchema);
  const synonyms = parseYamlFile(file('synonyms.yaml'), read('synonyms.yaml')!, synonymsFileSchema);
  const messages = parseYamlFile(file('messages.yaml'), read('messages.yaml')!, messagesFileSchema);
  const questionsText = read('questions.yaml', true);
  const questions = questionsText
    ? parseYamlFile(file('questions.yaml'), questionsText, questionsFileSchema)
    : { sections: {} };

  const sectionIds = new Set(guideline.sections.map((s) => s.id));
  contacts.contacts.forEach((contact, i) => {
    for (const id of contact.sections)
      if (!sectionIds.has(id))
        throw new KnowledgeFileError(
          file('contacts.yaml'),
          `contacts[${i}].sections`,
          `no section has the id "${id}" in guidelines.md`,
        );
  });
  for (const id of Object.keys(questions.sections))
    if (!sectionIds.has(id))
      throw new KnowledgeFileError(
        file('questions.yaml'),
        `sections.${id}`,
        `no section has the id "${id}" in guidelines.md`,
      );

  return { dir, guideline, contacts, synonyms, questions, messages, hash: hash.digest('hex') };
}
