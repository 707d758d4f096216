import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsReport } from '../../src/core/analytics/compute-report';
import { openAnalytics } from '../../src/core/analytics/open-analytics';
import { loadBot } from '../../src/core/load-bot';
import { notPersonalFrom } from '../../src/core/privacy/not-personal';
import { loadPrivacyKnowledge } from '../../src/core/privacy/privacy-file';
import { runCli } from '../helpers/cli';
import { copyKnowledge, makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';

// Owners close the loop: a question the bot fell back on is reported with the model's best passages,
// written to a review file, kept (re-pointed to the right passage) and merged into the bank; after the
// next build the bot answers it with that passage. All in a copy of knowledge/ and a temporary data dir.
const BBQ = 'can i put pics of ppl from our community bbq on the ministry facebook page?';
const PASSWORD = 'how do i reset my password';
const CHOSEN = {
  section: 'appendix-a-disclosure',
  anchor: 'Government may not freely re-post personal information',
};
const CHOSEN_TEXT = 'Government may not freely re-post personal information from other information sources';
const FALLBACK_START = "The guidelines don't seem to cover that";

let knowledgeDir: string;
let dataDir: string;
const firstKinds: Record<string, string | undefined> = {};
const env = () => ({
  GUIDEBOT_KNOWLEDGE_DIR: knowledgeDir,
  GUIDEBOT_DATA_DIR: dataDir,
  GUIDEBOT_INDEX_PATH: path.join(dataDir, 'index.json'),
});
const cli = (...args: string[]) => runCli(args, { env: env() });

beforeAll(async () => {
  knowledgeDir = copyKnowledge();
  dataDir = makeTempDir('loop');
  const privacy = loadPrivacyKnowledge(knowledgeDir);
  const first = loadBot({ knowledgeDir, indexPath: path.join(dataDir, 'index.json') });
  const analytics = await openAnalytics(
    { GUIDEBOT_DATA_DIR: dataDir },
    { notPersonal: notPersonalFrom(privacy, first.index.kb) },
  );
  const { bot } = loadBot({
    knowledgeDir,
    indexPath: path.join(dataDir, 'index.json'),
    observe: analytics.observe,
  });
  for (const [i, text] of [BBQ, PASSWORD].entries()) {
    const replies = await bot.handle({ channel: 'web', user: `person-${i}`, conversation: `c-${i}`, text });
    firstKinds[text] = replies[0]?.kind;
  }
  await analytics.close();
}, 60_000);
afterAll(removeTempDirs);

describe('owners close the loop', () => {
  let reviewFile: string;

  it('the question falls back before the loop', () => {
    expect(firstKinds).toEqual({ [BBQ]: 'fallback', [PASSWORD]: 'fallback' });
    const asked = cli('ask', BBQ);
    expect(asked.stdout.startsWith(FALLBACK_START)).toBe(true);
    expect(asked.stdout).not.toContain(CHOSEN_TEXT);
  });

  it('guidebot report lists it with the best three passages: section, start of the passage, score', () => {
    const result = cli('report', '--json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as AnalyticsReport;
    const group = report.unanswered.find((g) => g.example === BBQ)!;
    expect(group.candidates).toHaveLength(3);
    for (const c of group.candidates!) {
      expect(c.label).toMatch(/^(Appendix [A-Z]|[A-D]\.) /);
      expect(c.start.length).toBeGreaterThan(10);
      expect(c.score).toBeGreaterThan(0);
    }
    const text = cli('report').stdout;
    const best = group.candidates![0]!;
    expect(text).toContain(
      `best: ${best.score.toFixed(2)}  ${best.label} (${best.section}): "${best.start}"`,
    );
  });

  it('knowledge suggest writes a review file with the proposed passage, the others in comments, and no decision', () => {
    reviewFile = path.join(dataDir, 'review.yaml');
    const result = cli('knowledge', 'suggest', '--days', '7', '--out', reviewFile);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `wrote 2 question group(s) to ${reviewFile}: set each action to keep or drop, then run "guidebot knowledge merge ${reviewFile}"\n`,
    );
    const text = readFileSync(reviewFile, 'utf8');
    const report = JSON.parse(cli('report', '--json').stdout) as AnalyticsReport;
    const [best, second] = report.unanswered.find((g) => g.example === BBQ)!.candidates!;
    expect(text).toContain(
      `    questions:\n      - ${JSON.stringify(BBQ)}\n` +
        `    # proposed (score ${best!.score.toFixed(2)}): ${best!.label}: "${best!.start}"\n` +
        `    section: ${best!.section}\n    anchor: ${JSON.stringify(best!.anchor)}\n` +
        `    # or (score ${second!.score.toFixed(2)}): ${second!.label}: "${second!.start}"\n` +
        `    #   section: ${second!.section}\n`,
    );
    expect(text.match(/^ {4}action: undecided # keep \| drop$/gm)).toHaveLength(2);
    // Writing again would lose the owner's edits.
    const again = cli('knowledge', 'suggest', '--out', reviewFile);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`${reviewFile} exists`);
  });

  it('knowledge merge refuses an undecided file and a passage it cannot find, naming the line', () => {
    const undecided = cli('knowledge', 'merge', reviewFile);
    expect(undecided.status).toBe(1);
    const line = lineNumber(readFileSync(reviewFile, 'utf8'), 'action: undecided');
    expect(undecided.stderr).toMatch(
      new RegExp(
        `^guidebot: ${escape(reviewFile)}:${line}:\\d+: reviews\\[0\\]\\.action: write keep .* or drop`,
      ),
    );
    const wrong = path.join(dataDir, 'wrong.yaml');
    writeFileSync(
      wrong,
      decide(readFileSync(reviewFile, 'utf8'), {
        section: 'appendix-a-disclosure',
        anchor: 'words no passage has',
      }),
    );
    const missing = cli('knowledge', 'merge', wrong);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      `guidebot: ${wrong}:${lineNumber(readFileSync(wrong, 'utf8'), 'words no passage has')}:`,
    );
    expect(missing.stderr).toContain(
      'no passage of appendix-a-disclosure contains the anchor "words no passage has"',
    );
    // Nothing was written.
    expect(existsSync(path.join(knowledgeDir, 'questions/passages-reviewed.yaml'))).toBe(false);
    const none = cli('knowledge', 'merge', path.join(dataDir, 'none.yaml'));
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`${path.join(dataDir, 'none.yaml')} not found`);
  });

  it('after keep (re-pointed), merge and build, the question is answered with the chosen passage', () => {
    writeFileSync(reviewFile, decide(readFileSync(reviewFile, 'utf8'), CHOSEN));
    const merged = cli('knowledge', 'merge', reviewFile);
    expect(merged.stderr).toBe('');
    const bankFile = path.join(knowledgeDir, 'questions/passages-reviewed.yaml');
    expect(merged.stdout).toBe(
      `added 1 question(s) for 1 passage(s) to ${bankFile}\ndropped 1 group(s)\n` +
        'run "npm run build" (or "guidebot index build") so the model learns them\n',
    );
    expect(readFileSync(bankFile, 'utf8')).toContain(
      `passages:\n  - section: ${CHOSEN.section}\n    anchor: ${CHOSEN.anchor}\n    examples:\n      - ${BBQ}\n`,
    );
    // Merging the same file again adds nothing twice.
    const again = cli('knowledge', 'merge', reviewFile);
    expect(again.stdout).toBe(
      `added no questions\ndropped 1 group(s)\nskipped "${BBQ}": already in the bank (appendix-a-disclosure/4)\n`,
    );

    expect(cli('index', 'build').status).toBe(0);
    const asked = cli('ask', BBQ);
    expect(asked.status).toBe(0);
    expect(asked.stdout).toContain(CHOSEN_TEXT);
    expect(asked.stdout).not.toContain(FALLBACK_START);
    // The question dropped stays unanswered, and the next review no longer proposes the kept one.
    expect(cli('ask', PASSWORD).stdout.startsWith(FALLBACK_START)).toBe(true);
    const next = path.join(dataDir, 'next.yaml');
    cli('knowledge', 'suggest', '--out', next);
    const nextText = readFileSync(next, 'utf8');
    expect(nextText).not.toContain('community bbq');
    expect(nextText).toContain(JSON.stringify(PASSWORD));
  });
});

/** The owner's edit: keep the BBQ entry pointed at `target`, drop the other. */
function decide(text: string, target: { section: string; anchor: string }): string {
  const [head, ...entries] = text.split(/^ {2}- reason: /m);
  return [
    head,
    ...entries.map((entry) =>
      entry.includes('community bbq')
        ? entry
            .replace(/^ {4}section: .*$/m, `    section: ${target.section}`)
            .replace(/^ {4}anchor: .*$/m, `    anchor: ${JSON.stringify(target.anchor)}`)
            .replace('action: undecided', 'action: keep')
        : entry.replace('action: undecided', 'action: drop'),
    ),
  ].join('  - reason: ');
}

function lineNumber(text: string, marker: string): number {
  return text.split('\n').findIndex((line) => line.includes(marker)) + 1;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
