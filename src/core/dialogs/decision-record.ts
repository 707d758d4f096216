import type { Dialog, DialogOutcome, DialogPoint, DialogState } from './types';

/**
 * A short, plain record of the decision the person can paste into their records (the guideline asks for
 * non-transitory advice to be recorded): the answers given, the outcome, and each cited section with the
 * guideline's version.
 */
export function renderDecisionRecord(
  dialog: Dialog,
  state: DialogState,
  outcome: DialogOutcome,
  points: DialogPoint[],
  today?: string,
): string {
  const m = dialog.messages;
  const answers = state.answers.map((a) => {
    const step = dialog.steps.get(a.step);
    const label = a.text ?? step?.options.find((o) => o.id === a.option)?.label ?? a.option;
    return `- ${step?.record ?? a.step} ${label}`;
  });
  const sections = [...new Set(points.flatMap((p) => p.citations.map((c) => c.label)))];
  return [
    `${m.recordHeading}`,
    `${dialog.title}${today ? ` (${today})` : ''}`,
    m.recordAnswers,
    ...answers,
    `${m.recordOutcome} ${outcome.title}`,
    `${m.recordSources} ${dialog.source.documentTitle}, ${dialog.source.version}:`,
    ...sections.map((label) => `- ${label}`),
  ].join('\n');
}
