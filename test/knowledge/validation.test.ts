import { rmSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeFileError } from '../../src/core/errors';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { runCli } from '../helpers/cli';
import { copyKnowledge, editFile, lineOf, makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';

// A broken knowledge file stops start-up with the file, the place in it and what is wrong.
afterAll(removeTempDirs);

function loadError(dir: string): KnowledgeFileError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeFileError);
    return error as KnowledgeFileError;
  }
  throw new Error(`loadKnowledge(${dir}) accepted the broken knowledge`);
}

/** The error names the file, a place that starts with `line` (line or line:column), and the reason. */
function expectErrorAtLine(error: KnowledgeFileError, file: string, line: number, reason: RegExp): void {
  expect(error.file).toBe(file);
  expect(error.place).toMatch(new RegExp(`^${line}(:\\d+)?$`));
  expect(error.reason).toMatch(reason);
  expect(error.message).toBe(`${file}:${error.place}: ${error.reason}`);
}

interface LineCase {
  name: string;
  file: string;
  from: string;
  to: string;
  /** Text on the line the error must point at, in the edited file. */
  at: string;
  reason: RegExp;
}

const lineCases: LineCase[] = [
  {
    name: 'YAML syntax error in contacts.yaml',
    file: 'contacts.yaml',
    from: 'contacts:\n',
    to: 'contacts:\n  - id: broken: here\n',
    at: 'id: broken: here',
    reason: /YAML syntax/,
  },
  {
    name: 'a contact with an invalid email',
    file: 'contacts.yaml',
    from: 'email: citizenengagement@gov.bc.ca',
    to: 'email: citizenengagement-at-gov.bc.ca',
    at: 'citizenengagement-at-gov.bc.ca',
    reason: /^contacts\[0\]\.email: .*email/i,
  },
  {
    name: 'a fallback that names no contact',
    file: 'contacts.yaml',
    from: 'fallback: citizen-engagement',
    to: 'fallback: nobody-at-all',
    at: 'fallback: nobody-at-all',
    reason: /^fallback: .*"nobody-at-all"/,
  },
  {
    name: 'malformed YAML in a question bank file',
    file: 'questions/out-of-scope.yaml',
    from: '  - how many followers does our ministry facebook page have',
    to: '  - [how many followers',
    // The open bracket is found unclosed where the next entry starts.
    at: '  - how do i reset my personal facebook pasword',
    reason: /^YAML syntax: /,
  },
  {
    name: 'bank examples for a dialog that does not exist',
    file: 'questions/intents.yaml',
    from: '  incident:',
    to: '  incidents:',
    at: '  incidents:',
    reason: /^dialogs\.incidents: no dialog has the id "incidents"/,
  },
  {
    name: 'a heading without {#id}',
    file: 'guidelines.md',
    from: '### Planning {#b-planning}',
    to: '### Planning',
    at: '### Planning',
    reason: /heading "Planning" needs a stable id/,
  },
  {
    name: 'a duplicate section id',
    file: 'guidelines.md',
    from: '### Support {#b-support}',
    to: '### Support {#b-approvals}',
    at: '### Support {#b-approvals}',
    reason: /"b-approvals" is used twice/,
  },
  {
    name: 'a front matter date that does not exist',
    file: 'guidelines.md',
    from: 'reviewBy: null',
    to: 'reviewBy: 2026-13-45',
    at: 'reviewBy: 2026-13-45',
    reason: /^reviewBy: .*date/,
  },
];

describe('loadKnowledge rejects a broken knowledge file with the file, the line and the reason', () => {
  it.each(lineCases)('$name', ({ file, from, to, at, reason }) => {
    const dir = copyKnowledge();
    editFile(dir, file, from, to);
    expectErrorAtLine(loadError(dir), path.join(dir, file), lineOf(dir, file, at), reason);
  });

  it('an unknown front matter key, named, at a line inside the front matter', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guidelines.md', 'source: null', 'source: null\nauthor: Jane Editor');
    const error = loadError(dir);
    const file = path.join(dir, 'guidelines.md');
    expect(error.file).toBe(file);
    const line = Number(/^(\d+):\d+$/.exec(error.place)?.[1]);
    expect(line).toBeGreaterThan(1);
    expect(line).toBe(lineOf(dir, 'guidelines.md', 'author: Jane Editor'));
    expect(error.reason).toMatch(/"author"/);
    expect(error.message).toBe(`${file}:${error.place}: ${error.reason}`);
  });

  it('a contact section id that guidelines.md does not have, with the contact it is in', () => {
    const dir = copyKnowledge();
    editFile(dir, 'contacts.yaml', 'sections: [b-support,', 'sections: [b-no-such-section, b-support,');
    const error = loadError(dir);
    const file = path.join(dir, 'contacts.yaml');
    expect(error.file).toBe(file);
    expect(error.place).toMatch(new RegExp(`^${lineOf(dir, 'contacts.yaml', 'b-no-such-section')}:\\d+$`));
    expect(error.reason).toMatch(/^contacts\[0\]\.sections\[0\]: .*"b-no-such-section".*guidelines\.md/);
    expect(error.message).toBe(`${file}:${error.place}: ${error.reason}`);
  });

  it('a missing messages.yaml', () => {
    const dir = copyKnowledge();
    rmSync(path.join(dir, 'messages.yaml'));
    const error = loadError(dir);
    expect(error.file).toBe(path.join(dir, 'messages.yaml'));
    expect(error.message).toMatch(/messages\.yaml: is missing/);
  });

  it('accepts the unedited copy (the cases above fail only because of their edit)', () => {
    expect(loadKnowledge(copyKnowledge()).guideline.sections.length).toBeGreaterThan(0);
  });
});

describe('the CLI with a broken knowledge file', () => {
  it('does not start: exit code 1 and "file:line: reason" on stderr', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guidelines.md', 'reviewBy: null', 'reviewBy: 2026-13-45');
    const file = path.join(dir, 'guidelines.md');
    const line = lineOf(dir, 'guidelines.md', 'reviewBy: 2026-13-45');
    const result = runCli(['ask', 'x'], {
      env: {
        GUIDEBOT_KNOWLEDGE_DIR: dir,
        GUIDEBOT_INDEX_PATH: path.join(makeTempDir('index'), 'index.json'),
      },
    });
    expect(result.stderr).toContain('guidebot: cannot start:');
    expect(result.stderr).toMatch(
      new RegExp(`guidebot: cannot start: ${escapeRegExp(file)}:${line}:\\d+: reviewBy: .*date`),
    );
    expect(result.stdout).toBe('');
    expect(result.status).toBe(1);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
