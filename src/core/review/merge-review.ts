import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { KnowledgeFileError } from '../errors';
import { passageExamplesFileSchema } from '../knowledge/bank-schema';
import { findPassage } from '../knowledge/load-bank';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { parseYamlFile, yamlPlace } from '../knowledge/yaml-file';
import { reviewFileSchema } from './review-schema';
import { questionKey } from './write-review';

/** Where kept questions go: a passages file of the bank, so the loader and the next build read it. */
export const REVIEWED_FILE = 'passages-reviewed.yaml';

const REVIEWED_HEADER = `# Example questions staff asked, kept by an owner from a review (guidebot knowledge merge).
# Same format as the other passages-*.yaml files; edit freely.
`;

export interface MergeResult {
  file: string;
  added: number;
  passages: number;
  dropped: number;
  /** Questions not added, and why (already in the bank). */
  skipped: string[];
}

/**
 * Validates a review file against the knowledge base and adds the kept questions to
 * questions/passages-reviewed.yaml, each under its passage, leaving out questions the bank already holds.
 * Any problem (malformed file, undecided entry, a passage that cannot be found) throws a KnowledgeFileError
 * naming the review file, line and reason, and nothing is written.
 */
export function mergeReview(reviewFile: string, kb: KnowledgeBase): MergeResult {
  const source = readFileSync(reviewFile, 'utf8');
  const review = parseYamlFile(reviewFile, source, reviewFileSchema);
  const known = knownQuestions(kb);
  const additions = new Map<string, { section: string; anchor: string; examples: string[] }>();
  const skipped: string[] = [];
  let dropped = 0;
  review.reviews.forEach((entry, i) => {
    if (entry.action === 'drop') {
      dropped++;
      return;
    }
    const found = findPassage(kb.guideline, entry.section, entry.anchor);
    if (typeof found === 'string')
      throw new KnowledgeFileError(reviewFile, yamlPlace(source, ['reviews', i, 'anchor']), found);
    const target = additions.get(found.id) ?? { section: entry.section, anchor: entry.anchor, examples: [] };
    additions.set(found.id, target);
    for (const question of entry.questions) {
      const owner = known.get(questionKey(question));
      if (owner) skipped.push(`"${question}": already in the bank (${owner})`);
      else {
        known.set(questionKey(question), found.id);
        target.examples.push(question);
      }
    }
  });
  const file = path.join(kb.dir, 'questions', REVIEWED_FILE);
  const groups = [...additions.entries()].filter(([, a]) => a.examples.length);
  const added = groups.reduce((n, [, a]) => n + a.examples.length, 0);
  if (added) writeReviewed(file, kb, groups);
  return { file, added, passages: groups.length, dropped, skipped };
}

/** Every example the bank holds, with what it is an example of. */
function knownQuestions(kb: KnowledgeBase): Map<string, string> {
  const known = new Map<string, string>();
  const add = (owner: string, list: readonly string[]): void => {
    for (const text of list) if (!known.has(questionKey(text))) known.set(questionKey(text), owner);
  };
  for (const group of kb.bank.passages) add(group.passageId, group.examples);
  for (const [id, list] of Object.entries(kb.bank.dialogs)) add(`dialog ${id}`, list);
  for (const [id, list] of Object.entries(kb.bank.smalltalk)) add(`small talk ${id}`, list);
  add('person', kb.bank.person);
  add('out of scope', kb.bank.outOfScope);
  return known;
}

/** Appends to the entry for the same passage when the file has one (comments kept), else adds an entry. */
function writeReviewed(
  file: string,
  kb: KnowledgeBase,
  groups: [string, { section: string; anchor: string; examples: string[] }][],
): void {
  const source = existsSync(file) ? readFileSync(file, 'utf8') : `${REVIEWED_HEADER}passages: []\n`;
  const current = parseYamlFile(file, source, passageExamplesFileSchema).passages;
  const doc = parseDocument(source);
  const entries = doc.get('passages', true);
  if (!isSeq(entries)) throw new KnowledgeFileError(file, '', 'passages: must be a list');
  for (const [passageId, group] of groups) {
    const i = current.findIndex((e) => {
      const found = findPassage(kb.guideline, e.section, e.anchor);
      return typeof found !== 'string' && found.id === passageId;
    });
    if (i >= 0)
      for (const q of group.examples) (doc.getIn(['passages', i, 'examples'], true) as YAMLSeq).add(q);
    else entries.add(doc.createNode(group));
  }
  entries.flow = false;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, doc.toString({ lineWidth: 0 }));
  renameSync(temporary, file);
}
