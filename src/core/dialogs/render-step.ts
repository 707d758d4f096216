import { renderReplyText } from '../reply-text';
import type { Choice, Citation, Contact, QuotedPassage, Reply } from '../types';
import { choiceIds } from './choice-ids';
import { NOT_SURE } from './compile-dialog';
import { renderDecisionRecord } from './decision-record';
import type { RecordStamp } from './record-stamp';
import { stepProgress, type StepProgress } from './progress';
import { stepChoices } from './resolve-answer';
import type { Dialog, DialogPoint, DialogState } from './types';

/** A dialog reply: kind 'dialog', carrying where it stands, marked sensitive when the dialog is. */
export function dialogReply(
  dialog: Dialog,
  parts: {
    intro: string;
    ended: boolean;
    choices: Choice[];
    points?: DialogPoint[];
    contacts?: Contact[];
    progress?: StepProgress;
  },
): Reply {
  const points = parts.points ?? [];
  const passages: QuotedPassage[] = points.flatMap((p) => p.passages);
  const citations = unique(
    points.flatMap((p) => p.citations),
    (c: Citation) => c.sectionId,
  );
  const contacts = unique(
    [...points.flatMap((p) => p.contacts), ...(parts.contacts ?? [])],
    (c: Contact) => c.id,
  );
  const reply: Reply = {
    kind: 'dialog',
    text: '',
    intro: parts.intro,
    passages,
    citations,
    choices: parts.choices,
    contacts,
    dialog: {
      id: dialog.id,
      title: dialog.title,
      ended: parts.ended,
      ...(parts.progress && { progress: parts.progress }),
    },
    ...(dialog.sensitive && { sensitive: true }),
  };
  return { ...reply, text: renderReplyText(reply) };
}

/** The current step's question, after an optional lead-in (a hint, the dialog's intro). */
export function questionReply(
  dialog: Dialog,
  state: DialogState,
  lead?: string,
  points?: DialogPoint[],
): Reply {
  const step = dialog.steps.get(state.step)!;
  const ask = step.freeText ? `${step.ask}\n${dialog.messages.freeTextHint}` : step.ask;
  return dialogReply(dialog, {
    intro: [lead, `${dialog.title}\n${ask}`].filter(Boolean).join('\n\n'),
    ended: false,
    choices: stepChoices(dialog, step, state.answers.length),
    ...(points && { points }),
    progress: stepProgress(dialog, state),
  });
}

/** The outcome: what applies and why, with its sources, and the decision record to take away. */
export function outcomeReply(
  dialog: Dialog,
  state: DialogState,
  outcomeId: string,
  stamp?: RecordStamp,
): Reply {
  const outcome = dialog.outcomes.get(outcomeId)!;
  const noteIds = [...new Set(state.answers.flatMap((a) => noteIdsOf(dialog, a.step, a.option)))];
  const notes = noteIds.map((id) => dialog.notes.get(id)!);
  const main = !notes.length && outcome.ifNoNotes ? outcome.ifNoNotes : outcome;
  const m = dialog.messages;
  const unsure = state.answers.some((a) => a.option === NOT_SURE);
  const freeText = state.answers.some((a) => a.text !== undefined);
  const said = [
    notes.length ? [m.notesHeading, ...notes.map((n) => `- ${n.say}`)].join('\n') : '',
    main.say,
    unsure ? dialog.unsure : '',
  ].filter(Boolean);
  const intro = [outcome.title, ...said, freeText ? m.freeTextGone : ''];
  const choices: Choice[] = [
    ...(outcome.offer
      ? [{ id: choiceIds.start(outcome.offer.dialog, outcome.offer.step), label: outcome.offer.label }]
      : []),
    { id: choiceIds.start(dialog.id), label: m.labels.startAgain },
  ];
  const reply = dialogReply(dialog, {
    intro: intro.filter(Boolean).join('\n\n'),
    ended: true,
    choices,
    points: [...notes, main],
    contacts: dialog.contacts,
  });
  const record = renderDecisionRecord(dialog, state, {
    ...(stamp && { stamp }),
    outcomeTitle: outcome.title,
    outcomeText: said,
    points: [...notes, main],
    contacts: reply.contacts,
  });
  const withRecord: Reply = { ...reply, record };
  return { ...withRecord, text: renderReplyText(withRecord) };
}

/** The notes an answer adds: the chosen option's, or the free-text branch's. */
export function noteIdsOf(dialog: Dialog, stepId: string, optionId: string): string[] {
  const step = dialog.steps.get(stepId);
  if (!step) return [];
  const option = step.options.find((o) => o.id === optionId);
  return option ? option.notes : (step.freeText?.notes ?? []);
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
