import type { KnowledgeBase } from '../knowledge/load-knowledge';

/** The classes a message can belong to. Passage and dialog classes carry their id after the colon. */
export const OUT_OF_SCOPE = 'out-of-scope';
export const PERSON = 'person';
export const passageClass = (id: string): string => `passage:${id}`;
export const dialogClass = (id: string): string => `dialog:${id}`;
export const smalltalkClass = (id: string): string => `smalltalk:${id}`;

export interface TrainingSet {
  /** Class names, sorted: the model's class order. */
  classes: string[];
  texts: string[];
  /** Index into `classes` for each text. */
  labels: number[];
}

/**
 * The examples the model learns from: the question bank, plus the phrases other knowledge files already
 * give for the same intents (dialog start phrases, small-talk phrases, escalation phrases). Passages
 * without examples get no class: they can still be found through their text.
 */
export function trainingSet(kb: KnowledgeBase): TrainingSet {
  const byClass = new Map<string, string[]>();
  const add = (name: string, list: readonly string[]): void => {
    if (list.length) byClass.set(name, [...(byClass.get(name) ?? []), ...list]);
  };
  const { bank, messages } = kb;
  for (const group of bank.passages) add(passageClass(group.passageId), group.examples);
  for (const dialog of kb.dialogs)
    add(dialogClass(dialog.id), [...(bank.dialogs[dialog.id] ?? []), ...dialog.start]);
  add(PERSON, [...bank.person, ...messages.escalation.phrases]);
  for (const entry of messages.smalltalk)
    add(smalltalkClass(entry.id), [...(bank.smalltalk[entry.id] ?? []), ...entry.phrases]);
  add(OUT_OF_SCOPE, bank.outOfScope);
  const classes = [...byClass.keys()].sort();
  const texts: string[] = [];
  const labels: number[] = [];
  classes.forEach((name, label) => {
    for (const text of byClass.get(name)!) {
      texts.push(text);
      labels.push(label);
    }
  });
  return { classes, texts, labels };
}
