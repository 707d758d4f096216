import path from 'node:path';
import { KnowledgeFileError } from '../../../src/core/errors';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge';
import { runCli } from '../../helpers/cli';
import { copyKnowledge, editFile, lineOf, removeTempDirs } from '../../helpers/knowledge-copy';

// A broken dialog file stops start-up, naming the file, the place and path of the node, and the reason.
afterAll(removeTempDirs);

interface BrokenCase {
  name: string;
  file: string;
  from: string;
  to: string;
  /** Text on the line the error must point at, in the edited file. */
  at: string;
  reason: RegExp;
}

const cases: BrokenCase[] = [
  {
    name: 'a next that names no step or outcome',
    file: 'approvals.yaml',
    from: 'yes: { next: issue, notes: [business-plan] }',
    to: 'yes: { next: isue, notes: [business-plan] }',
    at: 'next: isue',
    reason: /^steps\.new-use\.yesNo\.yes\.next: "isue" is neither a step nor an outcome/,
  },
  {
    name: 'a note that does not exist',
    file: 'approvals.yaml',
    from: 'yes: { next: issue, notes: [business-plan] }',
    to: 'yes: { next: issue, notes: [business-plans] }',
    at: 'business-plans',
    reason: /^steps\.new-use\.yesNo\.yes\.notes\[0\]: no note has the id "business-plans"/,
  },
  {
    name: 'an outcome citing a section guidelines.md does not have',
    file: 'records.yaml',
    from: 'cite: appendix-a-records-management',
    to: 'cite: appendix-a-records',
    at: 'cite: appendix-a-records',
    reason: /^outcomes\.transitory\.cite\[0\]: no section has the id "appendix-a-records"/,
  },
  {
    name: 'a quote that is not word for word in its section',
    file: 'content-check.yaml',
    from: 'Be sure to express',
    to: 'Always express',
    at: 'Always express',
    reason:
      /^outcomes\.do-not-post\.quote: the quote is not word for word in the cited section \(c-being-professional\)/,
  },
  {
    name: 'a path that loops back',
    file: 'content-check.yaml',
    from: 'yes: { next: professional-ok }',
    to: 'yes: { next: forbidden }',
    at: 'forbidden:',
    reason:
      /^steps\.forbidden: the path forbidden -> capacity -> paid-role -> public-setting -> forbidden loops/,
  },
  {
    name: 'an outcome no path reaches',
    file: 'records.yaml',
    from: 'no: { next: transitory }',
    to: 'no: { next: must-record }',
    at: 'transitory:',
    reason: /^outcomes\.transitory: "transitory" is never reached from the first step/,
  },
  {
    name: 'a question without "Not sure"',
    file: 'privacy.yaml',
    from: '      - { id: not-sure, label: Not sure, next: both-rules }\n',
    to: '',
    at: 'options:',
    reason: /^steps\.direction\.options: needs a "not-sure" option/,
  },
  {
    name: 'an offer of a step another dialog does not have',
    file: 'privacy.yaml',
    from: 'step: logos,',
    to: 'step: logo,',
    at: 'offer:',
    reason: /^outcomes\.no-personal-information\.offer: dialog "approvals" has no step "logo"/,
  },
  {
    name: 'a contact contacts.yaml does not have',
    file: 'records.yaml',
    from: 'contacts: [records-officer]',
    to: 'contacts: [records-clerk]',
    at: 'contacts: [records-clerk]',
    reason: /^contacts\[0\]: no contact has the id "records-clerk"/,
  },
  {
    name: 'an id that does not match the file name',
    file: 'records.yaml',
    from: 'id: records',
    to: 'id: recordkeeping',
    at: 'id: recordkeeping',
    reason: /^id: "recordkeeping" must match the file name \(records\.yaml\)/,
  },
  {
    name: 'an unknown key (zod)',
    file: 'approvals.yaml',
    from: '    record: Government logos',
    to: '    records: Government logos',
    at: 'records: Government logos',
    reason: /^steps\.logos: Unrecognized key: "records"/,
  },
];

function loadError(dir: string): KnowledgeFileError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeFileError);
    return error as KnowledgeFileError;
  }
  throw new Error('the broken dialog was accepted');
}

describe('loading knowledge/dialogs', () => {
  it('loads the five dialogs of the design', () => {
    expect(
      loadKnowledge()
        .dialogs.map((d) => d.id)
        .sort(),
    ).toEqual(['approvals', 'content-check', 'incident', 'privacy', 'records']);
  });

  it.each(cases.map((c) => [c.name, c] as const))('stops on %s, naming file, place and node', (_name, c) => {
    const dir = copyKnowledge();
    editFile(dir, `dialogs/${c.file}`, c.from, c.to);
    const error = loadError(dir);
    expect(error.file).toBe(path.join(dir, 'dialogs', c.file));
    expect(error.place).toMatch(new RegExp(`^${lineOf(dir, `dialogs/${c.file}`, c.at)}(:\\d+)?$`));
    expect(error.reason).toMatch(c.reason);
  });

  it('the CLI does not start: exit code 1 and "file:line:col: reason" on stderr', () => {
    const dir = copyKnowledge();
    editFile(dir, 'dialogs/approvals.yaml', 'next: issue,', 'next: isue,');
    const result = runCli(['ask', 'hello'], { env: { GUIDEBOT_KNOWLEDGE_DIR: dir } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'dialogs', 'approvals.yaml')}:`);
    expect(result.stderr).toContain('steps.new-use.yesNo.yes.next: "isue" is neither a step nor an outcome');
  });
});
