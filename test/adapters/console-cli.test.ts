import { statSync } from 'node:fs';
import path from 'node:path';
import type { Choice, Reply } from '../../src/core/types';
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

/** Questions the answer engine may answer or not; the tests pick among them by what it does today. */
const ANSWERABLE = [
  'can we talk about court cases with the public?',
  'do I need a PIA?',
  'who do I tell if our account is hacked',
];
const VAGUE = [
  'planning',
  'rules for posting photos of people',
  'pizza budget for the privacy team',
  'payroll privacy',
  'vacation photos of my dog on instagram',
  'lunch with the records officer about security',
];

let answered: { question: string; reply: Reply };
let vague: { question: string; choices: Choice[] };

beforeAll(() => {
  indexPath = path.join(makeTempDir('cli'), 'index.json');
  const questions = [...ANSWERABLE, ...VAGUE];
  const replies = jsonLines(cli(['ask', '--json'], `${questions.join('\n')}\n`));
  expect(replies).toHaveLength(questions.length);
  const pick = (test: (r: Reply) => boolean, from: string[]) => {
    const i = questions.findIndex((q, n) => from.includes(q) && test(replies[n]!));
    if (i < 0) throw new Error(`none of ${JSON.stringify(from)} gets such a reply: extend the list`);
    return { question: questions[i]!, reply: replies[i]! };
  };
  answered = pick((r) => r.kind === 'answer' && r.citations.length > 0, ANSWERABLE);
  const fallback = pick((r) => r.kind === 'fallback' && r.choices.length > 1, VAGUE);
  vague = { question: fallback.question, choices: fallback.reply.choices };
});
afterAll(removeTempDirs);

describe('the built CLI', () => {
  it('is executable, so npx guidebot can run it from the project root', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });
});

describe('guidebot ask', () => {
  it('--json writes one JSON reply per stdin line, in the reply model', () => {
    const lines = ['do I need a PIA?', '', '+foo -bar title:x ~2', 'how do I reset my password'];
    const replies = jsonLines(cli(['ask', '--json'], `${lines.join('\n')}\n`));
    expect(replies).toHaveLength(lines.length);
    for (const reply of replies) {
      expect(['answer', 'fallback', 'dialog', 'smalltalk']).toContain(reply.kind);
      expect(typeof reply.text).toBe('string');
      expect(reply.text.trim()).not.toBe('');
      expect(Array.isArray(reply.citations)).toBe(true);
      expect(Array.isArray(reply.choices)).toBe(true);
    }
  });

  it('"question" prints the answer as readable text with a citation line', () => {
    const result = cli(['ask', answered.question]);
    expect(result.status).toBe(0);
    expect(result.stdout.trimStart().startsWith('{')).toBe(false);
    for (const passage of answered.reply.passages) expect(result.stdout).toContain(`"${passage.text}"`);
    for (const { label, version } of answered.reply.citations)
      expect(result.stdout.split('\n')).toContain(`— ${label} (guidelines, ${version})`);
  });
});

describe('guidebot chat --json', () => {
  // The bot's own notes (the collection notice on first contact) follow a turn's reply on their own lines.
  const turns = (lines: string[]): Reply[] =>
    jsonLines(cli(['chat', '--json'], `${lines.join('\n')}\n`)).filter((reply) => !reply.note);

  it('answers from the section whose label is typed after "did you mean"', () => {
    // The last section offered (a fallback's consent choices to forward the question come after them).
    const choice = vague.choices.filter((c) => c.id.startsWith('section:')).at(-1)!;
    const [first, second] = turns([vague.question, choice.label]);
    expect(first?.choices).toEqual(vague.choices);
    expect(first?.text).toContain(choice.label);
    expect(second?.kind).toBe('answer');
    expect(second?.citations.map((c) => c.label)).toEqual([choice.label]);
  });

  it('answers from the first section offered when "1" is typed', () => {
    const [, second] = turns([vague.question, '1']);
    expect(second?.kind).toBe('answer');
    expect(second?.citations.map((c) => c.label)).toEqual([vague.choices[0]!.label]);
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
