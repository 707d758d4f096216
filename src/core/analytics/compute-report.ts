import type { AnalyticsEvent } from './event';
import type { Candidate, CandidateFinder } from '../review/candidates';
import { groupSimilarQuestions, type QuestionGroup } from './group-questions';

/** A group of questions the bot did not serve well, with the model's best passages for it (when known). */
export interface GapGroup extends QuestionGroup {
  candidates?: Candidate[];
}

/** What `guidebot report` shows for a period. */
export interface AnalyticsReport {
  period: { since: string; until: string };
  /** Every recorded turn, questions or not. */
  turns: number;
  conversations: number;
  people: number;
  channels: Record<string, number>;
  /** Typed questions the bot searched the guideline for (answers and fallbacks). */
  questions: number;
  answered: number;
  fallbacks: number;
  answerRate: number;
  fallbackRate: number;
  /** Messages from which personal information was removed. */
  personalInformationRemoved: number;
  unanswered: GapGroup[];
  notHelpful: GapGroup[];
  topSections: { sectionId: string; label: string; count: number }[];
  dialogs: { id: string; started: number; finished: number; outcomes: Record<string, number> }[];
  feedback: { helpful: number; notHelpful: number };
  escalations: number;
}

/** Labels for section ids ("Appendix A › Privacy"), from the knowledge base when it loads. */
export type SectionLabels = ReadonlyMap<string, string>;

/**
 * Computes the report from the events of one period (oldest first). With `candidates`, each unanswered and
 * not-helpful group carries the model's best passages for its most asked wording.
 */
export function computeReport(
  events: AnalyticsEvent[],
  period: { since: Date; until: Date },
  labels: SectionLabels = new Map(),
  candidates?: CandidateFinder,
): AnalyticsReport {
  const gaps = (texts: string[]): GapGroup[] =>
    groupSimilarQuestions(texts).map((g) => (candidates ? { ...g, candidates: candidates(g.example) } : g));
  const questions = events.filter((e) => e.question !== undefined);
  const answered = questions.filter((e) => e.kind === 'answer').length;
  const fallbacks = questions.filter((e) => e.kind === 'fallback').length;
  const rate = (n: number): number => (questions.length ? round(n / questions.length) : 0);
  return {
    period: { since: period.since.toISOString(), until: period.until.toISOString() },
    turns: events.length,
    conversations: new Set(events.map((e) => e.conversation)).size,
    people: new Set(events.map((e) => e.user)).size,
    channels: tally(events.map((e) => e.channel)),
    questions: questions.length,
    answered,
    fallbacks,
    answerRate: rate(answered),
    fallbackRate: rate(fallbacks),
    personalInformationRemoved: events.filter((e) => e.pi?.length).length,
    unanswered: gaps(questions.filter((e) => e.kind === 'fallback').map((e) => e.question!)),
    notHelpful: gaps(notHelpfulQuestions(events)),
    topSections: topSections(events, labels),
    dialogs: dialogOutcomes(events),
    feedback: {
      helpful: events.filter((e) => e.feedback === 'helpful').length,
      notHelpful: events.filter((e) => e.feedback === 'not-helpful').length,
    },
    escalations: events.filter((e) => e.escalation).length,
  };
}

/** The question each "not helpful" rates: the last one asked before it in the same conversation. */
function notHelpfulQuestions(events: AnalyticsEvent[]): string[] {
  const last = new Map<string, string>();
  const rated: string[] = [];
  for (const event of events) {
    if (event.question !== undefined) last.set(event.conversation, event.question);
    const question = last.get(event.conversation);
    if (event.feedback === 'not-helpful' && question !== undefined) rated.push(question);
  }
  return rated;
}

function topSections(events: AnalyticsEvent[], labels: SectionLabels): AnalyticsReport['topSections'] {
  const counts = tally(events.filter((e) => e.kind !== 'fallback').flatMap((e) => e.sectionIds));
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, 10)
    .map(([sectionId, count]) => ({ sectionId, label: labels.get(sectionId) ?? sectionId, count }));
}

/** A dialog starts when a conversation enters it (first step, or again after it ended). */
function dialogOutcomes(events: AnalyticsEvent[]): AnalyticsReport['dialogs'] {
  const byId = new Map<string, AnalyticsReport['dialogs'][number]>();
  const current = new Map<string, string | undefined>();
  for (const event of events) {
    const dialog = event.dialog;
    if (!dialog) {
      current.delete(event.conversation);
      continue;
    }
    const entry = byId.get(dialog.id) ?? { id: dialog.id, started: 0, finished: 0, outcomes: {} };
    byId.set(dialog.id, entry);
    if (current.get(event.conversation) !== dialog.id) entry.started++;
    if (dialog.ended) {
      entry.finished++;
      const outcome = dialog.outcome ?? '(ended without an outcome)';
      entry.outcomes[outcome] = (entry.outcomes[outcome] ?? 0) + 1;
      current.delete(event.conversation);
    } else current.set(event.conversation, dialog.id);
  }
  return [...byId.values()].sort((a, b) => b.started - a.started || a.id.localeCompare(b.id));
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
