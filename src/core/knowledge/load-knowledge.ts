import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadDialogs } from '../dialogs/load-dialogs';
import type { Dialog } from '../dialogs/types';
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
import { formatPath, parseYamlFile, readKnowledgeFile, yamlPlace } from './yaml-file';

/** Everything in knowledge/, validated and cross-checked. */
export interface KnowledgeBase {
  dir: string;
  guideline: Guideline;
  contacts: ContactsFile;
  synonyms: SynonymsFile;
  questions: QuestionsFile;
  messages: MessagesFile;
  /** The guided dialogs of knowledge/dialogs/, checked against the guideline and contacts. */
  dialogs: Dialog[];
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
    const text = readKnowledgeFile(file, 'every knowledge folder needs this file');
    hash.update(`${name}\0${text}\0`);
    return text;
  };
  const file = (name: string): string => path.join(dir, name);

  const guideline = parseGuideline(file('guidelines.md'), read('guidelines.md')!);
  const contactsText = read('contacts.yaml')!;
  const contacts = parseYamlFile(file('contacts.yaml'), contactsText, contactsFileSchema);
  const synonyms = parseYamlFile(file('synonyms.yaml'), read('synonyms.yaml')!, synonymsFileSchema);
  const messages = parseYamlFile(file('messages.yaml'), read('messages.yaml')!, messagesFileSchema);
  const questionsText = read('questions.yaml', true);
  const questions = questionsText
    ? parseYamlFile(file('questions.yaml'), questionsText, questionsFileSchema)
    : { sections: {} };

  const sectionIds = new Set(guideline.sections.map((s) => s.id));
  const unknownSection = (
    name: string,
    source: string,
    at: (string | number)[],
    id: string,
  ): KnowledgeFileError =>
    new KnowledgeFileError(
      file(name),
      yamlPlace(source, at),
      `${formatPath(at)}: no section has the id "${id}" in guidelines.md`,
    );
  contacts.contacts.forEach((contact, i) =>
    contact.sections.forEach((id, j) => {
      if (!sectionIds.has(id))
        throw unknownSection('contacts.yaml', contactsText, ['contacts', i, 'sections', j], id);
    }),
  );
  for (const id of Object.keys(questions.sections))
    if (!sectionIds.has(id)) throw unknownSection('questions.yaml', questionsText!, ['sections', id], id);

  // Dialogs do not feed the search index, so they stay out of its hash.
  const dialogs = loadDialogs(file('dialogs'), { guideline, contacts: contacts.contacts }, messages.dialogs);
  return { dir, guideline, contacts, synonyms, questions, messages, dialogs, hash: hash.digest('hex') };
}
