import type { Choice } from '../types';
import { isStopWord, stem, words } from '../search/text';
import { choiceIds, type Control } from './choice-ids';
import { said, saidPhrase } from './phrase-words';
import { NOT_SURE } from './compile-dialog';
import type { Dialog, DialogOption, DialogStep } from './types';

/** How a turn answers the current step. */
export type Resolved =
  | { type: 'option'; option: DialogOption }
  | { type: 'control'; control: Control }
  | { type: 'free'; text: string };

// A typed answer may carry a few words after "yes" or "no" ("yes it is", "no, not yet").
const MAX_TRAILING_WORDS = 3;
// Free text answers are short facts (a date, a site): longer text is cut, and never kept after the dialog.
const MAX_FREE_TEXT = 200;

/** The choices a step shows, in order: its options, then Back (after the first answer) and Cancel. */
export function stepChoices(dialog: Dialog, step: DialogStep, answered: number): Choice[] {
  const { labels } = dialog.messages;
  return [
    ...step.options.map((o) => ({ id: choiceIds.answer(dialog.id, step.id, o.id), label: o.label })),
    ...(answered > 0 ? [{ id: choiceIds.control(dialog.id, 'back'), label: labels.back }] : []),
    { id: choiceIds.control(dialog.id, 'cancel'), label: labels.cancel },
  ];
}

/**
 * Reads typed text as an answer to `step`: a control word, the number or label of a choice, a yes / no /
 * not sure word, or (on a free-text step) the text itself. Undefined when it is none of these.
 */
export function resolveTyped(
  dialog: Dialog,
  step: DialogStep,
  answered: number,
  text: string,
): Resolved | undefined {
  const typed = said(text);
  if (!typed) return undefined;
  const { words: vocab } = dialog.messages;
  const is = (list: string[]): boolean => list.some((p) => saidPhrase(p) === typed);
  if (is(vocab.back)) return { type: 'control', control: 'back' };
  if (is(vocab.startOver)) return { type: 'control', control: 'start-over' };
  if (is(vocab.cancel)) return { type: 'control', control: 'cancel' };

  const choices = stepChoices(dialog, step, answered);
  // At a free-text step a number is the answer ("3" days ago), never a button.
  const number = step.freeText ? NaN : Number(typed);
  const picked = Number.isInteger(number)
    ? choices[number - 1]
    : choices.find((c) => saidPhrase(c.label) === typed);
  if (picked) return fromChoiceId(dialog, step, picked.id);

  const option = (id: string): Resolved | undefined => {
    const found = step.options.find((o) => o.id === id);
    return found && { type: 'option', option: found };
  };
  if (is(vocab.notSure)) return option(NOT_SURE);
  if (step.freeText) return { type: 'free', text: text.trim().slice(0, MAX_FREE_TEXT) };
  const typedWords = typed.split(' ');
  // A short answer mixing "not sure" or both yes and no ("no, not sure", "yes no") is read as "Not sure".
  const holds = (list: string[]): boolean => list.some((p) => containsWords(typedWords, saidPhrase(p)));
  const short = typedWords.length <= MAX_TRAILING_WORDS + 2;
  if (short && (holds(vocab.notSure) || (step.yesNo && holds(vocab.yes) && holds(vocab.no))))
    return option(NOT_SURE);
  if (step.yesNo) {
    const leads = (list: string[]): boolean =>
      list.some((p) => {
        const phrase = saidPhrase(p).split(' ');
        const rest = typedWords.length - phrase.length;
        return rest >= 0 && rest <= MAX_TRAILING_WORDS && phrase.every((w, i) => typedWords[i] === w);
      });
    if (leads(vocab.yes)) return option('yes');
    if (leads(vocab.no)) return option('no');
  }
  return partialLabel(step, typed);
}

/** True when `phrase` (words joined by spaces) occurs in `typed` as consecutive whole words. */
function containsWords(typed: string[], phrase: string): boolean {
  const want = phrase.split(' ');
  for (let i = 0; i + want.length <= typed.length; i++)
    if (want.every((w, j) => typed[i + j] === w)) return true;
  return false;
}

/**
 * The one option whose label holds every topic word typed ("device" for "A device was lost or stolen";
 * "repost" for "re-posting": a hyphenated label word also counts written as one word).
 */
function partialLabel(step: DialogStep, typed: string): Resolved | undefined {
  const topic = typed.split(' ').filter((w) => !isStopWord(w));
  if (!topic.length) return undefined;
  const fits = step.options.filter((o) => {
    const joined = o.label.split(/[\s(),]+/).filter((w) => w.includes('-'));
    const label = new Set([...words(o.label), ...joined.flatMap((w) => words(w).join(''))].map(stem));
    return topic.every((w) => label.has(stem(w)));
  });
  return fits.length === 1 ? { type: 'option', option: fits[0]! } : undefined;
}

/** A clicked choice id, if it belongs to this step (a click on an older card's button does not). */
export function fromChoiceId(dialog: Dialog, step: DialogStep, id: string): Resolved | undefined {
  for (const control of ['back', 'start-over', 'cancel'] as const)
    if (id === choiceIds.control(dialog.id, control)) return { type: 'control', control };
  const option = step.options.find((o) => choiceIds.answer(dialog.id, step.id, o.id) === id);
  return option && { type: 'option', option };
}
