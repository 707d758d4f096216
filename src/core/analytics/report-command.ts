import type { Env } from '../../config';
import { retentionCutoff } from './analytics-store';
import { computeReport, type SectionLabels } from './compute-report';
import { loadAnalyticsConfig, openAnalyticsStore } from './open-analytics';
import { renderReportCsv } from './render-report-csv';
import { renderReportText } from './render-report';

/** What `guidebot report` was asked for. */
interface ReportRequest {
  period: { since: Date; until: Date };
  format: 'text' | 'json' | 'csv';
  env: Env;
  labels?: SectionLabels;
  now?: Date;
}

/** Reads the period's events (after deleting expired ones, as every start does) and renders the report. */
export async function createReportOutput(request: ReportRequest): Promise<string> {
  const config = loadAnalyticsConfig(request.env);
  const { store, close } = await openAnalyticsStore(config);
  try {
    await store.prune(retentionCutoff(request.now ?? new Date(), config.ANALYTICS_RETENTION_DAYS));
    const events = await store.list(request.period.since, request.period.until);
    const report = computeReport(events, request.period, request.labels);
    if (request.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
    if (request.format === 'csv') return renderReportCsv(report);
    return `${renderReportText(report, store.where)}\n`;
  } finally {
    await close();
  }
}
