import { z } from 'zod';

const example = z.string().trim().min(1);
const examples = z.array(example).min(1);
const sectionId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a section id like b-approvals');

/** knowledge/questions/passages-*.yaml: example questions for one passage each, found by an anchor. */
export const passageExamplesFileSchema = z
  .object({
    passages: z.array(
      z
        .object({
          section: sectionId,
          /** A few words copied from the passage's plain text, unique within its section. */
          anchor: z.string().trim().min(3),
          examples,
        })
        .strict(),
    ),
  })
  .strict();
export type PassageExamplesFile = z.infer<typeof passageExamplesFileSchema>;

/** knowledge/questions/intents.yaml: messages that start a dialog, ask for a person, or are small talk. */
export const intentsFileSchema = z
  .object({
    dialogs: z.record(z.string(), examples),
    person: examples,
    smalltalk: z.record(z.string(), examples),
  })
  .strict();
export type IntentsFile = z.infer<typeof intentsFileSchema>;

/** knowledge/questions/out-of-scope.yaml: questions staff send that the guideline does not answer. */
export const outOfScopeFileSchema = z.object({ examples }).strict();
