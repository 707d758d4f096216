import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import { copyKnowledge, editFile, lineOf, makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';

// `guidebot knowledge check`, as an owner runs it after editing knowledge/.
afterAll(removeTempDirs);

const check = (knowledgeDir?: string, ...args: string[]) =>
  runCli(['knowledge', 'check', ...args], {
    env: knowledgeDir ? { GUIDEBOT_KNOWLEDGE_DIR: knowledgeDir } : {},
  });

describe('guidebot knowledge check', () => {
  it('passes on the shipped knowledge: every file, the review date, and the eval against its floor', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ok {3}guidelines\.md: \d+ sections, \d+ passages$/m);
    expect(result.stdout).toMatch(/^ok {3}privacy\.yaml$/m);
    expect(result.stdout).toMatch(/^ok {3}web-chat\.yaml$/m);
    expect(result.stdout).toMatch(/^answers: +\d+\.\d% of \d+ in-scope questions/m);
    expect(result.stdout).toMatch(/^ok {3}eval at or above the floor/m);
    expect(result.stdout).not.toMatch(/^FAIL/m);
  });

  it('fails on a broken file, naming the file, the line and the reason', () => {
    const dir = copyKnowledge();
    editFile(dir, 'privacy.yaml', 'staleGuideline: >-', 'staleGuideline: "due on {reviewDate}"\nunused: >-');
    const line = lineOf(dir, 'privacy.yaml', '{reviewDate}');
    const result = check(dir);
    expect(result.status).toBe(1);
    const file = path.join(dir, 'privacy.yaml');
    expect(result.stdout).toMatch(
      new RegExp(
        `^FAIL ${file}:${line}:\\d+: staleGuideline: unknown placeholder \\{reviewDate\\}: use \\{reviewBy\\}$`,
        'm',
      ),
    );
  });

  it('fails when guidelines.md cannot be read as knowledge, and runs no eval', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guidelines.md', 'reviewBy: null', 'reviewBy: next spring');
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL .*guidelines\.md:\d+:\d+: reviewBy: must be a date written YYYY-MM-DD/m,
    );
    expect(result.stdout).not.toContain('answers:');
  });

  it('fails on a web chat wording file without the retention period, naming file, line and reason', () => {
    const dir = copyKnowledge();
    editFile(dir, 'web-chat.yaml', 'for {retentionDays} days', 'for a while');
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL .*web-chat\.yaml:\d+:\d+: noticeShort: must say how long questions are kept: \{retentionDays\}$/m,
    );
  });

  it('says when the review-by date has passed', () => {
    const dir = copyKnowledge();
    editFile(dir, 'guidelines.md', 'reviewBy: null', 'reviewBy: 2020-01-31');
    const result = check(dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /review-by date 2020-01-31 passed \d+ day\(s\) ago: answers carry the review notice/,
    );
  });

  it('fails when answers fall below the floor', () => {
    const evalFile = path.join(makeTempDir('eval'), 'questions.jsonl');
    const question = (id: string, q: string) =>
      JSON.stringify({ id, q, expect: 'answer', must: [['a phrase the guideline never uses']] });
    writeFileSync(
      evalFile,
      `${question('x1', 'do I need a PIA?')}\n${question('x2', 'who approves a Twitter account?')}\n`,
    );
    const result = check(undefined, '--file', evalFile);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^FAIL answers fell below the floor: 0\.0% < \d+\.\d%$/m);
  });

  it('fails, and says so, when the evaluation file is missing: the quality check is never skipped', () => {
    const missing = path.join(makeTempDir('eval'), 'nowhere.jsonl');
    const result = check(undefined, '--file', missing);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `FAIL eval not run: ${missing}: no such evaluation file. Name one with --file (one JSON question a line).`,
    );
    expect(result.stdout).not.toContain('skip');
  });
});

describe('guidebot eval', () => {
  it('scores the development set kept in the repository', () => {
    const result = runCli(['eval']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^answers: +\d+\.\d% of \d+ in-scope questions/m);
  });

  it('names a missing file in one line, without a stack trace', () => {
    const missing = path.join(makeTempDir('eval'), 'nowhere.jsonl');
    const result = runCli(['eval', '--file', missing]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `guidebot: ${missing}: no such evaluation file. Name one with --file (one JSON question a line).\n`,
    );
  });

  it('names the line that is not JSON', () => {
    const file = path.join(makeTempDir('eval'), 'broken.jsonl');
    writeFileSync(file, '{"id":"x1","q":"do I need a PIA?","expect":"fallback"}\n{"id": oops\n');
    const result = runCli(['eval', '--file', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`guidebot: ${file}:2: not a JSON object\n`);
  });
});
