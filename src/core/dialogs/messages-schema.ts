import { z } from 'zod';

const text = z.string().trim().min(1);
const phrases = z.array(text).min(1);

/** The bot's own words for guided dialogs, escalation and feedback (messages.yaml `dialogs`). */
export const dialogMessagesSchema = z
  .object({
    labels: z
      .object({
        yes: text,
        no: text,
        notSure: text,
        back: text,
        cancel: text,
        startAgain: text,
      })
      .strict(),
    /** Typed answers, whole message, lowercase, punctuation ignored. */
    words: z
      .object({
        yes: phrases,
        no: phrases,
        notSure: phrases,
        back: phrases,
        startOver: phrases,
        cancel: phrases,
      })
      .strict(),
    hint: text,
    freeTextHint: text,
    staleChoice: text,
    atFirstStep: text,
    cancelled: text,
    /** "cancel" right after an outcome. */
    alreadyEnded: text,
    restarted: text,
    /** The decision record's own words (its headings and labels). */
    record: z
      .object({
        heading: text,
        id: text,
        when: text,
        dialog: text,
        guideline: text,
        version: text,
        effective: text,
        source: text,
        unknown: text,
        answers: text,
        outcome: text,
        sources: text,
        contacts: text,
        notSureFlag: text,
        /** {answer}: the answer "Not sure" was treated as. */
        treatedAs: text,
        /** {next}: where "Not sure" led. */
        ledTo: text,
        notKept: text,
      })
      .strict(),
    notesHeading: text,
    freeTextGone: text,
    /** "Walk me through: {title}": the choice an answer offers. */
    walkThrough: text,
    /** "Back to: {title}": offered after answering a question asked mid-dialog. */
    returnTo: text,
    listIntro: text,
    listPhrases: phrases,
    /** When a choice arrives for a dialog the store has forgotten. */
    expired: text,
    /** When a choice-like message arrives and nothing is waiting for it. */
    nothingWaiting: text,
    switched: text,
  })
  .strict();
export type DialogMessages = z.infer<typeof dialogMessagesSchema>;

/** messages.yaml `escalation`: asking for a person. */
export const escalationMessagesSchema = z
  .object({
    /** Example requests for a person, learnt beside knowledge/questions/intents.yaml `person`. */
    phrases,
    intro: text,
    summaryQuestion: text,
    summaryDialog: text,
    summaryAnswered: text,
    summaryNotAnswered: text,
    summaryNone: text,
    summaryLead: text,
    consentSend: text,
    consentDontSend: text,
    sent: text,
    notSent: text,
    forwarded: text,
    forwardFailed: text,
    notYours: text,
    forwardLimited: text,
  })
  .strict();
export type EscalationMessages = z.infer<typeof escalationMessagesSchema>;

/** messages.yaml `feedback`: the thanks for a helpful / not helpful click. */
export const feedbackMessagesSchema = z.object({ helpful: text, notHelpful: text }).strict();
