import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeFileError } from '../errors';
import { intentsFileSchema, outOfScopeFileSchema, passageExamplesFileSchema } from './bank-schema';
import type { Guideline } from './guideline';
import { formatPath, parseYamlFile, yamlPlace } from './yaml-file';

/** Example questions for one passage, resolved from their section and anchor. */
export interface PassageExamples {
  passageId: string;
  examples: string[];
}

/** A group of examples whose passage cannot be found: ignored at start-up, a failure for knowledge check. */
export interface UnresolvedGroup {
  /** "file:line:column" of the group. */
  where: string;
  section: string;
  anchor: string;
  reason: string;
}

/** The question bank (knowledge/questions/): what the understanding model learns from. */
export interface QuestionBank {
  passages: PassageExamples[];
  unresolved: UnresolvedGroup[];
  dialogs: Record<string, string[]>;
  person: string[];
  smalltalk: Record<string, string[]>;
  outOfScope: string[];
}

/** A bank with nothing in it: a knowledge folder without questions/. */
export function emptyBank(): QuestionBank {
  return { passages: [], unresolved: [], dialogs: {}, person: [], smalltalk: {}, outOfScope: [] };
}

/** What the loader checks intents against: the dialogs and small-talk replies that exist. */
export interface BankTargets {
  guideline: Guideline;
  dialogIds: string[];
  smalltalkIds: string[];
}

/**
 * Reads every knowledge/questions/*.yaml (passages-*.yaml, intents.yaml, out-of-scope.yaml), validated with
 * zod. Malformed files and intents naming no dialog or reply stop start-up (KnowledgeFileError); a passage
 * group whose anchor matches no passage of its section is listed in `unresolved` and left out.
 * `onFile` sees each file's name and text (for the knowledge hash).
 */
export function loadBank(
  dir: string,
  targets: BankTargets,
  onFile: (name: string, text: string) => void = () => {},
): QuestionBank {
  if (!existsSync(dir)) return emptyBank();
  const bank = emptyBank();
  const names = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  for (const name of names) {
    const file = path.join(dir, name);
    const source = readFileSync(file, 'utf8');
    onFile(`questions/${name}`, source);
    const fail = (at: (string | number)[], reason: string): never => {
      throw new KnowledgeFileError(file, yamlPlace(source, at), `${formatPath(at)}: ${reason}`);
    };
    if (name.startsWith('passages')) {
      const parsed = parseYamlFile(file, source, passageExamplesFileSchema);
      parsed.passages.forEach((group, i) => {
        const found = findPassage(targets.guideline, group.section, group.anchor);
        if (typeof found === 'string') {
          const place = yamlPlace(source, ['passages', i]);
          bank.unresolved.push({
            where: `${file}:${place}`,
            section: group.section,
            anchor: group.anchor,
            reason: found,
          });
        } else bank.passages.push({ passageId: found.id, examples: group.examples });
      });
    } else if (/^intents\.ya?ml$/.test(name)) {
      const parsed = parseYamlFile(file, source, intentsFileSchema);
      for (const id of Object.keys(parsed.dialogs))
        if (!targets.dialogIds.includes(id))
          fail(['dialogs', id], `no dialog has the id "${id}" in knowledge/dialogs`);
      for (const id of Object.keys(parsed.smalltalk))
        if (!targets.smalltalkIds.includes(id))
          fail(['smalltalk', id], `messages.yaml has no small-talk reply with the id "${id}"`);
      mergeLists(bank.dialogs, parsed.dialogs);
      mergeLists(bank.smalltalk, parsed.smalltalk);
      bank.person.push(...parsed.person);
    } else if (/^out-of-scope\.ya?ml$/.test(name)) {
      bank.outOfScope.push(...parseYamlFile(file, source, outOfScopeFileSchema).examples);
    } else {
      throw new KnowledgeFileError(
        file,
        '',
        'unknown question file: name it passages-<part>.yaml, intents.yaml or out-of-scope.yaml',
      );
    }
  }
  return bank;
}

function mergeLists(into: Record<string, string[]>, from: Record<string, string[]>): void {
  for (const [id, list] of Object.entries(from)) into[id] = [...(into[id] ?? []), ...list];
}

/** Folds case, spacing, quotes and dashes, so an anchor copied from passages.txt matches its passage. */
export function anchorForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The one passage of `sectionId` whose text holds `anchor`, or why there is none. */
export function findPassage(
  guideline: Guideline,
  sectionId: string,
  anchor: string,
): { id: string } | string {
  if (!guideline.sections.some((s) => s.id === sectionId))
    return `no section has the id "${sectionId}" in guidelines.md`;
  const wanted = anchorForm(anchor);
  const matches = guideline.passages.filter(
    (p) => p.sectionId === sectionId && anchorForm(p.text).includes(wanted),
  );
  if (matches.length === 1) return { id: matches[0]!.id };
  return matches.length
    ? `the anchor "${anchor}" is in ${matches.length} passages of ${sectionId}: lengthen it`
    : `no passage of ${sectionId} contains the anchor "${anchor}"`;
}
