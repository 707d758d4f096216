import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../../config';
import { loadAnalyticsConfig } from '../../core/analytics/analytics-config';
import { fillWording, loadPrivacyKnowledge } from '../../core/privacy/privacy-file';

const MARKER = 'console-notice-shown';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The collection notice, the first time the terminal is used with this data folder (and again once the
 * retention period has passed, as in the other channels); undefined when it was shown already. A marker
 * file in GUIDEBOT_DATA_DIR remembers it.
 */
export function collectionNoticeOnce(env: Env, knowledgeDir?: string): string | undefined {
  const { dataDir, ANALYTICS_RETENTION_DAYS: days } = loadAnalyticsConfig(env);
  const marker = path.join(dataDir, MARKER);
  const shownAt = shownTime(marker);
  if (shownAt !== undefined && Date.now() - shownAt < days * DAY_MS) return undefined;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(marker, '', { mode: 0o600 });
  return fillWording(loadPrivacyKnowledge(knowledgeDir).collectionNotice, { retentionDays: days });
}

function shownTime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
