import { redactForRecord } from '../privacy/redact-names';
import { contactDetail } from '../reply-text';
import type { Contact } from '../types';
import { NOT_SURE } from './compile-dialog';
import type { RecordStamp } from './record-stamp';
import type { Dialog, DialogAnswer, DialogPoint, DialogState } from './types';

/** What a decision record is made of, besides the dialog and its answers. */
export interface RecordParts {
  stamp?: RecordStamp;
  outcomeTitle: string;
  /** The outcome as said: notes, the main point, the "Not sure" advice. */
  outcomeText: string[];
  points: DialogPoint[];
  contacts: Contact[];
}

/**
 * The decision record, as plain Markdown a records officer can file (the guideline asks for non-transitory
 * advice to be recorded): its id and time in the guideline's time zone, every question and answer ("Not
 * sure" flagged, with what it led to), the full outcome, the cited sections with their quotes, the
 * guideline's title, version and effective date, and the contacts. Free text is redacted (identifiers and
 * names); the record is built once, at the outcome, and never kept.
 */
export function renderDecisionRecord(dialog: Dialog, state: DialogState, parts: RecordParts): string {
  const m = dialog.messages.record;
  const { meta } = dialog.source;
  const { stamp } = parts;
  const unknown = m.unknown;
  const header = [
    `# ${m.heading} ${dialog.title}`,
    '',
    ...(stamp
      ? [`- ${m.id} ${stamp.id}`, `- ${m.when} ${stamp.date}, ${stamp.time} (${stamp.timeZone})`]
      : []),
    `- ${m.dialog} ${dialog.title}`,
    `- ${m.guideline} ${meta.title}`,
    `- ${m.version} ${meta.version}`,
    `- ${m.effective} ${meta.effective ?? unknown}`,
    `- ${m.source} ${meta.source ?? unknown}`,
  ];
  const answers = state.answers.map((a, i) => `${i + 1}. ${answerLine(dialog, a)}`);
  const sources = sourceLines(parts.points);
  const contacts = parts.contacts.map((c) => `- ${c.name}${contactDetail(c)}`);
  return [
    ...header,
    '',
    `## ${m.answers}`,
    '',
    ...answers,
    '',
    `## ${m.outcome} ${parts.outcomeTitle}`,
    '',
    parts.outcomeText.join('\n\n'),
    '',
    `## ${m.sources}`,
    '',
    ...sources,
    ...(contacts.length ? ['', `## ${m.contacts}`, '', ...contacts] : []),
  ].join('\n');
}

/** "Question? Answer"; free text redacted; "Not sure" flagged with the answer it was treated as. */
function answerLine(dialog: Dialog, a: DialogAnswer): string {
  const m = dialog.messages.record;
  const step = dialog.steps.get(a.step);
  const question = step?.record ?? a.step;
  if (!step) return `${question} ${a.option}`;
  if (a.option !== NOT_SURE) {
    const option = step.options.find((o) => o.id === a.option);
    const answer = option?.label ?? (a.text === undefined ? m.notKept : redactForRecord(a.text));
    return `${question} ${answer}`;
  }
  return `${question} ${dialog.messages.labels.notSure} (${m.notSureFlag} ${notSureMeans(dialog, a)})`;
}

/** What a "Not sure" led to: the answer it was treated as, or where it led. */
function notSureMeans(dialog: Dialog, a: DialogAnswer): string {
  const m = dialog.messages.record;
  const step = dialog.steps.get(a.step)!;
  const notSure = step.options.find((o) => o.id === NOT_SURE)!;
  const same = step.options.find(
    (o) => o.id !== NOT_SURE && o.next === notSure.next && o.notes.join() === notSure.notes.join(),
  );
  if (same) return m.treatedAs.replace('{answer}', same.label);
  const outcome = dialog.outcomes.get(notSure.next);
  const next = outcome?.title ?? dialog.steps.get(notSure.next)?.ask ?? notSure.next;
  return m.ledTo.replace('{next}', next);
}

/** Each cited section once, with the words quoted from it. */
function sourceLines(points: DialogPoint[]): string[] {
  const bySection = new Map<string, { label: string; quotes: string[] }>();
  for (const point of points) {
    for (const c of point.citations)
      if (!bySection.has(c.sectionId)) bySection.set(c.sectionId, { label: c.label, quotes: [] });
    for (const p of point.passages) {
      const entry = bySection.get(p.citation.sectionId)!;
      if (!entry.quotes.includes(p.text)) entry.quotes.push(p.text);
    }
  }
  return [...bySection.values()].flatMap(({ label, quotes }) => [
    `- ${label}`,
    ...quotes.map((q) => `  > "${q}"`),
  ]);
}
