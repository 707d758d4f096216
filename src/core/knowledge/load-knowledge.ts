import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadDialogs } from '../dialogs/load-dialogs';
import type { Dialog } from '../dialogs/types';
import { KnowledgeFileError } from '../errors';
import type { Guideline } from './guideline';
import { parseGuideline } from './parse-guideline';
import { loadBank, type QuestionBank } from './load-bank';
import { contactsFileSchema, messagesFileSchema, type ContactsFile, type MessagesFile } from './schema';
import { formatPath, parseYamlFile, readKnowledgeFile, yamlPlace } from './yaml-file';

/** Everything in knowledge/, validated and cross-checked. */
export interface KnowledgeBase {
  dir: string;
  guideline: Guideline;
  contacts: ContactsFile;
  /** Example questions (knowledge/questions/): what the understanding model learns from. */
  bank: QuestionBank;
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
  const read = (name: string): string => {
    const file = path.join(dir, name);
    const text = readKnowledgeFile(file, 'every knowledge folder needs this file');
    hash.update(`${name}\0${text}\0`);
    return text;
  };
  const file = (name: string): string => path.join(dir, name);

  const guideline = parseGuideline(file('guidelines.md'), read('guidelines.md'));
  const contactsText = read('contacts.yaml');
  const contacts = parseYamlFile(file('contacts.yaml'), contactsText, contactsFileSchema);
  const messages = parseYamlFile(file('messages.yaml'), read('messages.yaml'), messagesFileSchema);

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

  // Dialogs do not feed the search index or the model, so they stay out of its hash; the bank does.
  const dialogs = loadDialogs(file('dialogs'), { guideline, contacts: contacts.contacts }, messages.dialogs);
  const bank = loadBank(
    file('questions'),
    { guideline, dialogIds: dialogs.map((d) => d.id), smalltalkIds: messages.smalltalk.map((s) => s.id) },
    (name, text) => hash.update(`${name}\0${text}\0`),
  );
  return { dir, guideline, contacts, bank, messages, dialogs, hash: hash.digest('hex') };
}
