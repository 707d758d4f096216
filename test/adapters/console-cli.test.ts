import { statSync } from 'node:fs';
import path from 'node:path';
import type { Reply } from '../../src/core/types';
import { CLI, runCli, type CliResult } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';

// The terminal channel as a person (or a script) uses it: the built CLI, stdin in, stdout out.
let indexPath: string;
const cli = (args: string[], input?: string): CliResult =>
  runCli(args, { env: { GUIDEBOT_INDEX_PATH: indexPath }, ...(input !== undefined && { input }) });

function jsonLines(result: CliResult): Reply[] {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Reply);
}

const COURT = 'C. Principles for Employees Participating in Social Media › Being Professional';
const COURT_QUOTE = '1) matters before the courts; 2) draft legislation;';
// A question the guideline does not cover, close to three sections ("did you mean").
const VAGUE = 'pizza budget for the privacy team';
const CLOSE = [
  'Appendix A › Privacy',
  'B. Key Considerations › Support',
  'C. Principles for Employees Participating in Social Media › Being Relevant',
];
const NOT_COVERED = "The guidelines don't seem to cover that, so I won't guess.";

beforeAll(() => {
  indexPath = path.join(makeTempDir('cli'), 'index.json');
});
afterAll(removeTempDirs);

describe('the built CLI', () => {
  it('is executable, so npx guidebot can run it from the project root', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });
});

describe('guidebot ask', () => {
  it('--json writes one JSON reply per stdin line: an answer, the help for nothing, fallbacks for the rest', () => {
    const lines = ['do I need a PIA?', '', '+foo -bar title:x ~2', 'how do I reset my password'];
    const replies = jsonLines(cli(['ask', '--json'], `${lines.join('\n')}\n`));
    expect(replies.map((r) => r.kind)).toEqual(['answer', 'smalltalk', 'fallback', 'fallback']);
    expect(replies[0]!.citations.map((c) => c.label)).toEqual(['Appendix A › Privacy']);
    expect(replies[0]!.text).toContain('Privacy Impact Assessment (PIA)');
    expect(replies[1]!.text).toMatch(
      /^I answer questions about the Guidelines for Conducting Citizen Engagement/,
    );
    for (const fallback of replies.slice(2)) expect(fallback.text).toMatch(new RegExp(`^${NOT_COVERED}`));
  });

  it('"question" prints the answer as readable text with a citation line', () => {
    const result = cli(['ask', 'can we talk about court cases with the public?']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('From the guidelines:');
    expect(lines[2]).toContain(COURT_QUOTE);
    expect(lines[3]).toBe(`— ${COURT} (guidelines, first iteration)`);
  });
});

/** `chat --json`: the replies of each turn, one JSON line per turn. */
function chatTurns(lines: string[], dataDir = makeTempDir('chat')): Reply[][] {
  const result = runCli(['chat', '--json'], {
    env: { GUIDEBOT_INDEX_PATH: indexPath, GUIDEBOT_DATA_DIR: dataDir },
    input: `${lines.join('\n')}\n`,
  });
  return jsonLines(result).map((line) => (line as unknown as { replies: Reply[] }).replies);
}

describe('guidebot ask, for a person', () => {
  const askIn = (dataDir: string, ...args: string[]) =>
    runCli(['ask', ...args], { env: { GUIDEBOT_INDEX_PATH: indexPath, GUIDEBOT_DATA_DIR: dataDir } });

  it('prints no choices it cannot act on: the sections that might be close, unnumbered', () => {
    const result = askIn(makeTempDir('ask'), VAGUE);
    expect(result.status).toBe(0);
    for (const label of CLOSE) expect(result.stdout.split('\n')).toContain(`- ${label}`);
    expect(result.stdout).not.toMatch(/^\d+\. /m);
    expect(result.stdout).not.toContain('Send this to them');
    expect(result.stdout).not.toContain('Type a number');
  });

  it('shows the collection notice once per data folder', () => {
    const dataDir = makeTempDir('ask-notice');
    const notice = /^About your privacy: /m;
    expect(askIn(dataDir, 'do I need a PIA?').stdout).toMatch(notice);
    expect(askIn(dataDir, 'do I need a PIA?').stdout).not.toMatch(notice);
    expect(askIn(makeTempDir('ask-other'), 'do I need a PIA?').stdout).toMatch(notice);
  });

  it('treats an empty question as no question', () => {
    const dataDir = makeTempDir('ask-empty');
    const empty = askIn(dataDir, '');
    const none = askIn(dataDir);
    expect(empty).toEqual(none);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^guidebot: ask needs a question/);
  });
});

describe('guidebot chat --json', () => {
  // The bot's own notes (the collection notice on first contact) follow a turn's reply on their own lines.
  const turns = (lines: string[]): Reply[] =>
    chatTurns(lines)
      .flat()
      .filter((reply) => !reply.note);
  const sections = (reply: Reply | undefined) =>
    reply?.choices.filter((c) => c.id.startsWith('section:')).map((c) => c.label);

  it('writes one JSON line per turn, holding all its replies; the notice once, with the first turn', () => {
    const dataDir = makeTempDir('chat-json');
    const lines = [VAGUE, 'do I need a PIA?', 'thanks'];
    const perTurn = chatTurns(lines, dataDir);
    expect(perTurn).toHaveLength(lines.length);
    const notices = perTurn.map((replies) => replies.filter((r) => r.note === 'collection-notice').length);
    expect(notices).toEqual([1, 0, 0]);
    expect(
      chatTurns(lines, dataDir)
        .flat()
        .filter((r) => r.note === 'collection-notice'),
    ).toEqual([]);
  });

  it('answers from the section whose label is typed after "did you mean"', () => {
    const [first, second] = turns([VAGUE, CLOSE[2]!]);
    expect(first?.kind).toBe('fallback');
    expect(sections(first)).toEqual(CLOSE);
    expect(second?.kind).toBe('answer');
    expect(second?.citations.map((c) => c.label)).toEqual([CLOSE[2]]);
  });

  it('answers from the first section offered when "1" is typed', () => {
    const [, second] = turns([VAGUE, '1']);
    expect(second?.kind).toBe('answer');
    expect(second?.citations.map((c) => c.label)).toEqual([CLOSE[0]]);
  });
});

describe('guidebot commands', () => {
  it('help prints the usage and exits 0', () => {
    const result = cli(['help']);
    expect(result.stdout).toMatch(/Usage:/);
    expect(result.status).toBe(0);
  });

  it('an unknown command exits 2 and says which', () => {
    const result = cli(['frobnicate']);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.status).toBe(2);
  });
});
