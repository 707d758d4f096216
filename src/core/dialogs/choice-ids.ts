/** Ids of the choices dialogs offer: stable text, so a button clicked after a restart still means the same. */
export type Control = 'back' | 'start-over' | 'cancel';

export const choiceIds = {
  answer: (dialog: string, step: string, option: string) => `dialog:${dialog}:${step}:${option}`,
  control: (dialog: string, control: Control) => `dialog-control:${dialog}:${control}`,
  start: (dialog: string, step?: string) => `dialog-start:${dialog}${step ? `:${step}` : ''}`,
  resume: 'dialog-resume',
  /** Back to a dialog that was left for another one (its answers were kept). */
  resumePaused: (dialog: string) => `dialog-resume:${dialog}`,
};

/** What a dialog choice id says, or undefined for ids that are not a dialog's. */
type ParsedChoice =
  | { type: 'answer'; dialog: string; step: string; option: string }
  | { type: 'control'; dialog: string; control: Control }
  | { type: 'start'; dialog: string; step?: string }
  | { type: 'resume'; dialog?: string };

export function parseChoiceId(id: string): ParsedChoice | undefined {
  if (id === choiceIds.resume) return { type: 'resume' };
  const [kind, dialog, a, b, ...rest] = id.split(':');
  if (!dialog || rest.length) return undefined;
  if (kind === 'dialog' && a && b) return { type: 'answer', dialog, step: a, option: b };
  if (kind === 'dialog-control' && (a === 'back' || a === 'start-over' || a === 'cancel') && !b)
    return { type: 'control', dialog, control: a };
  if (kind === 'dialog-start' && !b) return { type: 'start', dialog, ...(a && { step: a }) };
  if (kind === 'dialog-resume' && !a) return { type: 'resume', dialog };
  return undefined;
}
