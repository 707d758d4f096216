import { randomUUID } from 'node:crypto';
import type { AnalyticsEvent } from '../../../src/core/analytics/event';

/** A stored event at a given time, for store and retention tests (reports use events from the real bot). */
export function eventAt(at: string, fields: Partial<AnalyticsEvent> = {}): AnalyticsEvent {
  return {
    v: 1,
    id: randomUUID(),
    at: new Date(at).toISOString(),
    channel: 'web',
    user: 'u-hash',
    conversation: 'c-hash',
    input: 'text',
    kind: 'answer',
    question: 'do I need a PIA?',
    sectionIds: ['appendix-a-privacy'],
    ...fields,
  };
}
