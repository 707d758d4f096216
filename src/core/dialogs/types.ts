import type { Contact, QuotedPassage, Citation } from '../types';
import type { FrontMatter } from '../knowledge/schema';
import type { DialogMessages } from './messages-schema';
import type { RecordStamp } from './record-stamp';

/** A point made in a dialog, with its quotes and citations resolved against the guideline. */
export interface DialogPoint {
  say: string;
  passages: QuotedPassage[];
  citations: Citation[];
  contacts: Contact[];
}

/** One answer a step offers. */
export interface DialogOption {
  id: string;
  label: string;
  next: string;
  notes: string[];
}

export interface DialogStep {
  id: string;
  ask: string;
  /** Short form of the question for the decision record. */
  record: string;
  yesNo: boolean;
  options: DialogOption[];
  /** Set when typed text is itself the answer (kept only until the dialog ends). */
  freeText?: { next: string; notes: string[] };
}

export interface DialogOutcome extends DialogPoint {
  id: string;
  title: string;
  ifNoNotes?: DialogPoint;
  offer?: { dialog: string; step?: string; label: string };
}

/** A dialog loaded from knowledge/dialogs/<id>.yaml, checked and ready for the engine. */
export interface Dialog {
  id: string;
  title: string;
  description: string;
  names: string[];
  start: string[];
  offerFrom: string[];
  sensitive: boolean;
  intro?: DialogPoint;
  contacts: Contact[];
  unsure: string;
  first: string;
  steps: Map<string, DialogStep>;
  notes: Map<string, DialogPoint>;
  outcomes: Map<string, DialogOutcome>;
  /** The guideline's front matter (title, version, effective date, source), for the decision record. */
  source: { meta: Pick<FrontMatter, 'title' | 'version' | 'effective' | 'source'> };
  messages: DialogMessages;
}

/** One answer given, as the state keeps it. */
export interface DialogAnswer {
  step: string;
  option: string;
  /** Free text typed as the answer; dropped when the dialog ends. */
  text?: string;
}

/** Where a person is in a dialog. Plain JSON: it is saved in the conversation store between turns. */
export interface DialogState {
  dialog: string;
  step: string;
  answers: DialogAnswer[];
}

/** What the engine is given each turn. */
export type DialogInput =
  | { type: 'start'; step?: string }
  | { type: 'resume' }
  | { type: 'choice'; id: string; stamp?: RecordStamp }
  | { type: 'text'; text: string; stamp?: RecordStamp };

/** What happened in a step, for the bot and for analytics. */
export type StepStatus = 'asked' | 'answered' | 'ended' | 'cancelled' | 'unrecognised';
