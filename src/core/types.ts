/** What a channel hands the core: one user turn, stripped of platform detail. */
export interface Inbound {
  channel: 'slack' | 'teams' | 'console' | 'web';
  /** Stable id of the conversation (or thread) the turn belongs to. */
  conversation: string;
  /** Platform user id; the core never stores it in the clear. */
  user: string;
  text?: string;
  /** Id of a choice the person clicked; typed labels and numbers arrive as `text`. */
  choice?: string;
  /**
   * The network address the turn came from, where the user id proves nothing (the web chat's ids are made
   * up by the page): only the rate limit reads it, hashed, and nothing keeps it.
   */
  client?: string;
}

/** Where a quoted passage comes from. */
export interface Citation {
  sectionId: string;
  /** Headings from the part down to the section, e.g. ["Appendix A", "Privacy", "Collection"]. */
  sectionPath: string[];
  /** "Appendix A › Privacy › Collection", ready to print. */
  label: string;
  documentTitle: string;
  version: string;
}

/** A passage of the guideline, quoted verbatim. */
export interface QuotedPassage {
  text: string;
  citation: Citation;
}

export interface Choice {
  id: string;
  label: string;
}

export interface Contact {
  id: string;
  name: string;
  when: string;
  email?: string;
  /** The numbers in one line, for plain text. */
  phone?: string;
  /** Each number with its own dialable tel: value (e.g. "+12503877000"): link each one separately. */
  phones?: { number: string; tel: string }[];
  /** Said after the numbers, e.g. "then choose Option 3". */
  phoneNote?: string;
  url?: string;
  note?: string;
}

export type ReplyKind = 'answer' | 'fallback' | 'dialog' | 'smalltalk';

import type { StepProgress } from './dialogs/progress';

/** The platform-neutral reply: the only thing channels render. */
export interface Reply {
  kind: ReplyKind;
  /** A complete plain-text rendering, for terminals, notifications and screen readers. */
  text: string;
  /** A short lead-in shown above the passages (cards render it as the heading). */
  intro?: string;
  passages: QuotedPassage[];
  citations: Citation[];
  choices: Choice[];
  contacts: Contact[];
  /** How sure the core was (0..1), for analytics and thresholds; not shown to people. */
  confidence?: number;
  /** Set on the steps of a guided dialog, so channels can show a dialog as one card updated in place. */
  dialog?: DialogProgress;
  /** Offered when a person may hand the question to the Citizen Engagement team (see Escalation). */
  escalation?: Escalation;
  /** True on answers: channels show "helpful / not helpful" buttons (choices `feedback:helpful|not-helpful`). */
  feedback?: boolean;
  /** True when the topic is privacy or an information incident: channels move it out of public channels. */
  sensitive?: boolean;
  /**
   * The decision record of a dialog's outcome, as plain Markdown, for people to take away: every channel
   * offers it (terminal: in `text`; Slack and Teams: a plain-text message of its own; web: the reply's
   * `record` field, for "Copy record" and "Download (.md)").
   */
  record?: string;
  /** Set on the bot's own notes that follow a reply: the collection notice, the personal-information reminder. */
  note?: 'collection-notice' | 'personal-information';
}

/** Where a reply stands in a guided dialog. */
interface DialogProgress {
  id: string;
  title: string;
  /** True on the outcome (or cancel): the card stops changing after this. */
  ended: boolean;
  /** On a question: its number and the questions in all ("Step 2 of 4"), worked out by the dialog engine. */
  progress?: StepProgress;
}

/** What would be sent to a person at the Citizen Engagement team, shown before anything is sent. */
export interface Escalation {
  contact: Contact;
  /** Exactly the text that would be forwarded, without the person's name. */
  summary: string;
  /** The consent choices (send / don't send); nothing is forwarded without the first. */
  consentChoices: Choice[];
}

/** Feedback choice ids, the same in every channel. */
export const FEEDBACK_CHOICES = {
  helpful: { id: 'feedback:helpful', label: 'Helpful' },
  notHelpful: { id: 'feedback:not-helpful', label: 'Not helpful' },
} as const;
