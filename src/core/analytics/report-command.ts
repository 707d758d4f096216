import type { Env } from '../../config';
import type { CandidateFinder } from '../review/candidates';
import { retentionCutoff } from './analytics-store';
import { computeReport, type AnalyticsReport, type SectionLabels } from './compute-report';
import { loadAnalyticsConfig } from './analytics-config';
import { openAnalyticsStore } from './open-analytics';
import { renderReportCsv } from './render-report-csv';
import { renderReportText } from './render-report';

/** What `guidebot report` was asked for. */
interface ReportRequest {
  period: { since: Date; until: Date };
  format: 'text' | 'json' | 'csv';
  env: Env;
  labels?: SectionLabels;
  /** The model's best passages for a question, shown beside unanswered and not-helpful questions. */
  candidates?: CandidateFinder;
  now?: Date;
}

/** Renders the report for a period. */
export async function createReportOutput(request: ReportRequest): Promise<string> {
  const { report, where } = await readReport(request);
  if (request.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (request.format === 'csv') return renderReportCsv(report);
  return `${renderReportText(report, where)}\n`;
}

/** Reads the period's events (after deleting expired ones, as every start does) and computes the report. */
export async function readReport(
  request: Omit<ReportRequest, 'format'>,
): Promise<{ report: AnalyticsReport; where: string }> {
  const config = loadAnalyticsConfig(request.env);
  const { store, close } = await openAnalyticsStore(config);
  try {
    await store.prune(retentionCutoff(request.now ?? new Date(), config.ANALYTICS_RETENTION_DAYS));
    const events = await store.list(request.period.since, request.period.until);
    return {
      report: computeReport(events, request.period, request.labels, request.candidates),
      where: store.where,
    };
  } finally {
    await close();
  }
}
