import type { AnalyticsReport, GapGroup } from './compute-report';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const day = (iso: string): string => iso.slice(0, 10);

/** The report as owners read it in a terminal. */
export function renderReportText(report: AnalyticsReport, where: string): string {
  const r = report;
  const until = new Date(Date.parse(r.period.until) - 1).toISOString();
  const lines = [
    `guidebot report: ${day(r.period.since)} to ${day(until)} (UTC), from ${where}`,
    '',
    `Questions asked: ${r.questions} (${r.people} people, ${r.conversations} conversations, ${r.turns} turns)`,
    `Answered:        ${r.answered} (${pct(r.answerRate)})`,
    `Fallback:        ${r.fallbacks} (${pct(r.fallbackRate)})`,
    `Channels:        ${entries(r.channels) || 'none'}`,
    `Personal information removed from ${r.personalInformationRemoved} message(s)`,
    '',
    'Unanswered questions (fallbacks), grouped by similarity:',
    ...groups(r.unanswered),
    '',
    'Questions rated not helpful, grouped by similarity:',
    ...groups(r.notHelpful),
    '',
    'Top sections:',
    ...(r.topSections.length
      ? r.topSections.map((s) => `  ${String(s.count).padStart(4)}  ${s.label} (${s.sectionId})`)
      : ['  none']),
    '',
    'Dialogs:',
    ...(r.dialogs.length
      ? r.dialogs.map(
          (d) =>
            `  ${d.id}: ${d.started} started, ${d.finished} finished${entries(d.outcomes) ? `; outcomes: ${entries(d.outcomes)}` : ''}`,
        )
      : ['  none']),
    '',
    `Feedback: ${r.feedback.helpful} helpful, ${r.feedback.notHelpful} not helpful`,
    `Escalations to the Citizen Engagement team: ${r.escalations}`,
  ];
  return lines.join('\n');
}

function groups(list: GapGroup[]): string[] {
  if (!list.length) return ['  none'];
  return list.flatMap((g) => [
    `  ${String(g.count).padStart(4)}x ${g.example}`,
    ...g.questions.slice(1).map((q) => `         also: ${q.text} (${q.count})`),
    ...(g.candidates ?? []).map(
      (c, i) =>
        `         ${i ? '     ' : 'best:'} ${c.score.toFixed(2)}  ${c.label} (${c.section}): "${c.start}"`,
    ),
  ]);
}

function entries(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}
