import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsReport } from '../../src/core/analytics/compute-report';
import { openAnalytics } from '../../src/core/analytics/open-analytics';
import { createBot, type ConversationState } from '../../src/core/bot';
import { loadAllKnowledge, loadBot } from '../../src/core/load-bot';
import { withPrivacy } from '../../src/core/privacy/with-privacy';
import { createMemoryStore } from '../../src/core/state/memory-store';
import { FEEDBACK_CHOICES, type Inbound, type Reply } from '../../src/core/types';
import { runCli } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';

// `guidebot report` over events the real bot recorded: the numbers must be what the people saw.
const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const OLD = new Date(now - 40 * DAY);
const oldDay = OLD.toISOString().slice(0, 10);

const PASSWORD = [
  'how do I reset my password',
  'how can I reset my password?',
  'how do I reset my password for jane.doe@gmail.com',
];
const TODAY: { conversation: string; text?: string; choice?: string }[] = [
  { conversation: 'a', text: 'do I need a PIA?' },
  { conversation: 'a', choice: FEEDBACK_CHOICES.notHelpful.id },
  { conversation: 'b', text: PASSWORD[0] },
  { conversation: 'b', text: PASSWORD[1] },
  { conversation: 'c', text: PASSWORD[2] },
  { conversation: 'c', text: 'who approves a new Twitter account?' },
  { conversation: 'c', choice: FEEDBACK_CHOICES.helpful.id },
  { conversation: 'd', text: 'hello' },
];
const OLD_QUESTION = 'can I claim overtime for moderating our Facebook group';
let oldKind: string | undefined;

const mainKind = (replies: Reply[]) => replies.find((r) => r.kind !== 'smalltalk')?.kind;
let dataDir: string;
const seen: { text?: string; replies: Reply[] }[] = [];
const env = () => ({ GUIDEBOT_DATA_DIR: dataDir, GUIDEBOT_INDEX_PATH: path.join(dataDir, 'index.json') });
const report = (...args: string[]) => runCli(['report', ...args], { env: env() });

beforeAll(async () => {
  dataDir = makeTempDir('report');
  const knowledge = loadAllKnowledge();
  const { index } = loadBot({ knowledge, indexPath: path.join(dataDir, 'index.json') });
  const { privacy } = knowledge;
  const analytics = await openAnalytics(
    { GUIDEBOT_DATA_DIR: dataDir },
    { notPersonal: knowledge.notPersonal },
  );
  let at = new Date(now);
  const store = createMemoryStore<ConversationState>();
  const core = createBot({ index, store, observe: (event) => analytics.observe({ ...event, at }) });
  const bot = withPrivacy(core, privacy, { store, kb: index.kb, retentionDays: 90 });
  const send = async (turn: { conversation: string; text?: string; choice?: string }) => {
    const inbound: Inbound = { channel: 'web', user: `person-${turn.conversation}`, ...turn };
    seen.push({ ...(turn.text && { text: turn.text }), replies: await bot.handle(inbound) });
  };
  at = OLD;
  await send({ conversation: 'old', text: OLD_QUESTION });
  oldKind = mainKind(seen[0]!.replies);
  seen.length = 0;
  at = new Date(now);
  for (const turn of TODAY) await send(turn);
  await analytics.close();
}, 30_000);
afterAll(removeTempDirs);

describe('guidebot report', () => {
  it('--json: questions, rates, gaps grouped, not-helpful questions, sections and feedback', () => {
    const result = report('--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const r = JSON.parse(result.stdout) as AnalyticsReport;
    const questions = seen.filter((s) => s.text && ['answer', 'fallback'].includes(mainKind(s.replies)!));
    const fallbacks = questions.filter((s) => mainKind(s.replies) === 'fallback');
    expect(fallbacks.length).toBeGreaterThan(0);
    expect(r.questions).toBe(questions.length);
    expect(r.fallbacks).toBe(fallbacks.length);
    expect(r.answered).toBe(questions.length - fallbacks.length);
    expect(r.answerRate).toBeCloseTo(r.answered / r.questions, 3);
    expect(r.people).toBe(4);
    expect(r.conversations).toBe(4);
    expect(r.turns).toBe(TODAY.length);
    expect(r.personalInformationRemoved).toBe(1);

    // Every password question that fell back is one gap; the 40-day-old question is outside the period.
    const password = fallbacks.filter((s) => s.text!.includes('password'));
    expect(password.length).toBeGreaterThanOrEqual(2);
    const group = r.unanswered.find((g) => g.example.includes('password'))!;
    expect(group.count).toBe(password.length);
    expect(r.unanswered.reduce((n, g) => n + g.count, 0)).toBe(fallbacks.length);
    expect(JSON.stringify(r.unanswered)).not.toContain('overtime');

    expect(r.notHelpful.map((g) => g.example)).toEqual(['do I need a PIA?']);
    expect(r.feedback).toEqual({ helpful: 1, notHelpful: 1 });
    const cited = seen.flatMap((s) =>
      mainKind(s.replies) === 'answer' ? s.replies.flatMap((x) => x.citations) : [],
    );
    const first = r.topSections[0]!;
    expect(cited.map((c) => c.sectionId)).toContain(first.sectionId);
    expect(first.label).toBe(cited.find((c) => c.sectionId === first.sectionId)!.sectionPath.join(' › '));
    expect(result.stdout).not.toContain('jane.doe');
    expect(result.stdout).toContain('[email]');
  });

  it('--since/--until reads whole UTC days, both included', () => {
    const r = JSON.parse(report('--since', oldDay, '--until', oldDay, '--json').stdout) as AnalyticsReport;
    expect(oldKind).toBe('fallback');
    expect(r.questions).toBe(1);
    expect(r.unanswered.map((g) => g.example)).toEqual([OLD_QUESTION]);
    expect(r.period.since).toBe(`${oldDay}T00:00:00.000Z`);
  });

  it('prints a readable summary, and CSV for spreadsheets', () => {
    const json = JSON.parse(report('--json').stdout) as AnalyticsReport;
    const text = report();
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      `Questions asked: ${json.questions} (4 people, 4 conversations, ${TODAY.length} turns)`,
    );
    expect(text.stdout).toContain(
      `Answered:        ${json.answered} (${(json.answerRate * 100).toFixed(1)}%)`,
    );
    expect(text.stdout).toMatch(
      new RegExp(`\\s${json.unanswered[0]!.count}x ${json.unanswered[0]!.example}`),
    );
    expect(text.stdout).toContain('Feedback: 1 helpful, 1 not helpful');

    const csv = report('--csv');
    expect(csv.status).toBe(0);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('section,item,detail,value');
    expect(rows).toContain(`summary,questions,,${json.questions}`);
    expect(rows).toContain(`summary,not helpful,,1`);
    expect(rows.filter((row) => row.startsWith('unanswered,')).length).toBe(
      json.unanswered.reduce((n, g) => n + g.questions.length, 0),
    );
  });

  it('deletes events past the retention period when it runs', () => {
    expect(readdirSync(path.join(dataDir, 'analytics'))).toContain(`events-${oldDay}.jsonl`);
    const result = runCli(['report', '--days', '60', '--json'], {
      env: { ...env(), ANALYTICS_RETENTION_DAYS: '30' },
    });
    expect((JSON.parse(result.stdout) as AnalyticsReport).unanswered.map((g) => g.example)).not.toContain(
      OLD_QUESTION,
    );
    expect(existsSync(path.join(dataDir, 'analytics', `events-${oldDay}.jsonl`))).toBe(false);
  });

  it.each([
    [['--days', 'zero'], /--days must be a whole number/],
    [['--since', '31/01/2026'], /--since must be a date/],
    [['--days', '7', '--since', '2026-01-01'], /either --days or --since/],
    [['--json', '--csv'], /one of --json and --csv/],
  ])('rejects %j with the reason and the usage', (args, reason) => {
    const result = report(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain('guidebot report');
  });
});
