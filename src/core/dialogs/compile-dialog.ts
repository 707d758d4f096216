import { compilePoint, contactFor, DialogProblem, type PointSources } from './compile-point';
import type { DialogMessages } from './messages-schema';
import type { DialogFile } from './schema';
import type { Dialog, DialogOption, DialogOutcome, DialogStep } from './types';

export const NOT_SURE = 'not-sure';

/**
 * Turns a validated dialog file into the engine's form and checks its graph: every `next` and note
 * resolves, every step is reached, no path loops, every path ends in an outcome, every citation exists.
 * Problems are thrown as DialogProblem with the path of the offending node.
 */
export function compileDialog(file: DialogFile, sources: PointSources, messages: DialogMessages): Dialog {
  const { labels } = messages;
  const steps = new Map<string, DialogStep>();
  for (const [id, step] of Object.entries(file.steps)) {
    if (Object.hasOwn(file.outcomes, id))
      throw new DialogProblem(['steps', id], `"${id}" is both a step and an outcome: ids must be unique`);
    const options: DialogOption[] = step.yesNo
      ? (['yes', 'no', 'notSure'] as const).map((key) => ({
          id: key === 'notSure' ? NOT_SURE : key,
          label: labels[key],
          next: step.yesNo![key].next,
          notes: step.yesNo![key].notes ?? [],
        }))
      : (step.options ?? []).map((o) => ({ id: o.id, label: o.label, next: o.next, notes: o.notes ?? [] }));
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.id))
        throw new DialogProblem(['steps', id, 'options', i, 'id'], `duplicate option "${o.id}"`);
      seen.add(o.id);
    });
    if (!seen.has(NOT_SURE))
      throw new DialogProblem(
        ['steps', id, 'options'],
        `needs a "${NOT_SURE}" option: "Not sure" is always a choice`,
      );
    steps.set(id, {
      id,
      ask: step.ask,
      record: step.record ?? step.ask,
      yesNo: Boolean(step.yesNo),
      options,
      ...(step.freeText && { freeText: { next: step.freeText.next, notes: step.freeText.notes ?? [] } }),
    });
  }

  const notes = new Map(
    Object.entries(file.notes).map(([id, n]) => [id, compilePoint(sources, n, ['notes', id])]),
  );
  const outcomes = new Map<string, DialogOutcome>();
  for (const [id, o] of Object.entries(file.outcomes)) {
    const at = ['outcomes', id];
    outcomes.set(id, {
      id,
      title: o.title,
      ...compilePoint(sources, o, at),
      ...(o.ifNoNotes && { ifNoNotes: compilePoint(sources, o.ifNoNotes, [...at, 'ifNoNotes']) }),
      ...(o.offer && { offer: o.offer }),
    });
  }

  checkBranches(steps, notes, outcomes);
  const first = Object.keys(file.steps)[0]!;
  checkPaths(first, steps, outcomes);
  file.offerFrom.forEach((id, i) => {
    if (!sources.guideline.sections.some((s) => s.id === id))
      throw new DialogProblem(['offerFrom', i], `no section has the id "${id}" in guidelines.md`);
  });
  return {
    id: file.id,
    title: file.title,
    description: file.description,
    names: file.names,
    start: file.start,
    offerFrom: file.offerFrom,
    sensitive: file.sensitive,
    ...(file.intro && { intro: compilePoint(sources, file.intro, ['intro']) }),
    contacts: file.contacts.map((id, i) => contactFor(sources.contacts, id, ['contacts', i])),
    unsure: file.unsure,
    first,
    steps,
    notes,
    outcomes,
    source: { meta: sources.guideline.meta },
    messages,
  };
}

function checkBranches(
  steps: Map<string, DialogStep>,
  notes: Map<string, unknown>,
  outcomes: Map<string, DialogOutcome>,
): void {
  for (const step of steps.values()) {
    const branches = [
      ...step.options.map((o) => ({ ...o, at: ['steps', step.id, step.yesNo ? 'yesNo' : 'options', o.id] })),
      ...(step.freeText ? [{ ...step.freeText, at: ['steps', step.id, 'freeText'] }] : []),
    ];
    for (const branch of branches) {
      if (!steps.has(branch.next) && !outcomes.has(branch.next))
        throw new DialogProblem(
          [...branch.at, 'next'],
          `"${branch.next}" is neither a step nor an outcome of this dialog`,
        );
      branch.notes.forEach((note, i) => {
        if (!notes.has(note))
          throw new DialogProblem([...branch.at, 'notes', i], `no note has the id "${note}"`);
      });
    }
  }
}

/** Every step and outcome is reached from the first step, and no path comes back to a step it passed. */
function checkPaths(
  first: string,
  steps: Map<string, DialogStep>,
  outcomes: Map<string, DialogOutcome>,
): void {
  const reached = new Set<string>();
  const done = new Set<string>();
  const walk = (id: string, path: string[]): void => {
    if (done.has(id)) return;
    if (path.includes(id))
      throw new DialogProblem(
        ['steps', id],
        `the path ${[...path, id].join(' -> ')} loops and never ends in an outcome`,
      );
    reached.add(id);
    const step = steps.get(id);
    if (!step) return;
    const nexts = new Set([
      ...step.options.map((o) => o.next),
      ...(step.freeText ? [step.freeText.next] : []),
    ]);
    for (const next of nexts) walk(next, [...path, id]);
    done.add(id);
  };
  walk(first, []);
  for (const id of [...steps.keys(), ...outcomes.keys()])
    if (!reached.has(id))
      throw new DialogProblem(
        [steps.has(id) ? 'steps' : 'outcomes', id],
        `"${id}" is never reached from the first step`,
      );
}
