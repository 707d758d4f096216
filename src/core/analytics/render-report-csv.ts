import type { AnalyticsReport, GapGroup } from './compute-report';

/** The report as CSV rows (RFC 4180): section, item, detail, value. One file opens in any spreadsheet. */
export function renderReportCsv(report: AnalyticsReport): string {
  const r = report;
  const rows: (string | number)[][] = [['section', 'item', 'detail', 'value']];
  rows.push(['period', 'since', r.period.since, ''], ['period', 'until', r.period.until, '']);
  const summary: [string, number][] = [
    ['questions', r.questions],
    ['answered', r.answered],
    ['answer rate', r.answerRate],
    ['fallbacks', r.fallbacks],
    ['fallback rate', r.fallbackRate],
    ['turns', r.turns],
    ['conversations', r.conversations],
    ['people', r.people],
    ['personal information removed', r.personalInformationRemoved],
    ['helpful', r.feedback.helpful],
    ['not helpful', r.feedback.notHelpful],
    ['escalations', r.escalations],
  ];
  for (const [item, value] of summary) rows.push(['summary', item, '', value]);
  for (const [channel, n] of Object.entries(r.channels)) rows.push(['channel', channel, '', n]);
  const gaps = (section: string, list: GapGroup[]): void =>
    list.forEach((g, i) => {
      for (const q of g.questions) rows.push([section, `group ${i + 1}`, q.text, q.count]);
      for (const c of g.candidates ?? [])
        rows.push([
          `${section} candidate`,
          `group ${i + 1}`,
          `${c.label} (${c.section}): ${c.start}`,
          c.score,
        ]);
    });
  gaps('unanswered', r.unanswered);
  gaps('not helpful', r.notHelpful);
  for (const s of r.topSections) rows.push(['top section', s.sectionId, s.label, s.count]);
  for (const d of r.dialogs) {
    rows.push(['dialog', d.id, 'started', d.started], ['dialog', d.id, 'finished', d.finished]);
    for (const [outcome, n] of Object.entries(d.outcomes)) rows.push(['dialog outcome', d.id, outcome, n]);
  }
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Quotes a cell when needed; text that a spreadsheet would run as a formula is made inert with a '. */
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
