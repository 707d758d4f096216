import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes');
const text = z.string().trim().min(1);
const ids = z.union([id, z.array(id).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** A point the bot makes, in words close to the guideline's, with the section(s) it comes from. */
const pointSchema = z
  .object({
    say: text,
    /** Optional words copied verbatim from a cited section; the loader checks they are there. */
    quote: text.optional(),
    cite: ids,
    contacts: z.array(id).optional(),
  })
  .strict();

/** Where an answer leads: the next step or an outcome (ids are unique across both), and notes it adds. */
const branchSchema = z
  .object({
    next: id,
    notes: z.array(id).optional(),
  })
  .strict();

const optionSchema = branchSchema.extend({ id, label: text }).strict();

const stepSchema = z
  .object({
    ask: text,
    /** Short form of the question for the decision record. */
    record: text.optional(),
    /** Yes / No / Not sure, labelled the same everywhere. */
    yesNo: z.object({ yes: branchSchema, no: branchSchema, notSure: branchSchema }).strict().optional(),
    options: z.array(optionSchema).min(1).optional(),
    /** Free text: kept only until the dialog ends. */
    freeText: branchSchema.optional(),
  })
  .strict()
  .refine((s) => [s.yesNo, s.options].filter(Boolean).length === 1, {
    message: 'needs exactly one of yesNo or options (freeText steps add options such as "Not sure")',
  })
  .refine((s) => s.yesNo || s.freeText || (s.options?.length ?? 0) >= 2, {
    message: 'a question without free text needs at least two options',
  });

const outcomeSchema = pointSchema
  .extend({
    title: text,
    /** Used instead when no step added a note (e.g. nothing special applies). */
    ifNoNotes: pointSchema.optional(),
    /** Another dialog (and step) to offer as a next choice. */
    offer: z.object({ dialog: id, step: id.optional(), label: text }).strict().optional(),
  })
  .strict();

/** knowledge/dialogs/<id>.yaml */
export const dialogFileSchema = z
  .object({
    id,
    title: text,
    /** One line for lists of dialogs. */
    description: text,
    /** Place in lists of dialogs (the welcome, "dialogs"): lower first; ties in file name order. */
    order: z.number().int().default(100),
    /** Names that start it when typed as the whole message. */
    names: z.array(text).default([]),
    /** Example messages that start it, learnt beside knowledge/questions/intents.yaml `dialogs`. */
    start: z.array(text).min(1),
    /** Answers citing these sections offer the dialog; sensitive dialogs make those answers sensitive. */
    offerFrom: z.array(id).min(1),
    sensitive: z.boolean().default(false),
    /** Shown before the first question. */
    intro: pointSchema.optional(),
    /** Contacts named on every outcome. */
    contacts: z.array(id).default([]),
    /** Added to the outcome when any answer was "Not sure": who to ask. */
    unsure: text,
    steps: z.record(id, stepSchema).refine((s) => Object.keys(s).length > 0, 'needs at least one step'),
    notes: z.record(id, pointSchema).default({}),
    outcomes: z.record(id, outcomeSchema).refine((o) => Object.keys(o).length > 0, 'needs an outcome'),
  })
  .strict();

export type DialogFile = z.infer<typeof dialogFileSchema>;
export type DialogPointFile = z.infer<typeof pointSchema>;
