import { z } from 'zod';
import { phoneLine } from '../phone-line';
import {
  dialogMessagesSchema,
  escalationMessagesSchema,
  feedbackMessagesSchema,
} from '../dialogs/messages-schema';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');

/** Front matter of guidelines.md. Unknown values are null, so an editor sees which fields to fill. */
export const frontMatterSchema = z
  .object({
    title: z.string().min(1),
    version: z.union([z.string().min(1), z.number()]).transform(String),
    effective: isoDate.nullable(),
    reviewBy: isoDate.nullable(),
    source: z.url().nullable(),
  })
  .strict();
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const sectionId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a section id like b-approvals');

/** One number to call: as people read it, and as a dialable tel: link (E.164, one number per link). */
const phoneSchema = z
  .object({
    number: z.string().min(7),
    tel: z.string().regex(/^\+\d{8,15}$/, 'must be a dialable number such as +12503877000'),
  })
  .strict()
  .refine((p) => p.tel.endsWith(p.number.replace(/\D/g, '')), {
    message: 'must be the same number as `number` (with its country code)',
    path: ['tel'],
  });

const contactSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes'),
    name: z.string().min(1),
    when: z.string().min(1),
    email: z.email().optional(),
    /** Each number on its own, so every channel can link each one (never two numbers in one tel: link). */
    phones: z.array(phoneSchema).min(1).optional(),
    /** Said after the numbers, e.g. "then choose Option 3". */
    phoneNote: z.string().min(1).optional(),
    url: z.url().optional(),
    note: z.string().optional(),
    /** Sections whose answers should show this contact. */
    sections: z.array(sectionId).default([]),
  })
  .strict()
  // `phone`: the numbers in one line for plain text ("250 387-7000 or 1-866-660-0811, then choose Option 3").
  .transform((contact): typeof contact & { phone?: string } =>
    contact.phones ? { ...contact, phone: phoneLine(contact, (p) => p.number) } : contact,
  );

export type ContactEntry = z.infer<typeof contactSchema>;

export const contactsFileSchema = z
  .object({
    /** The contact every fallback refers people to. */
    fallback: z.string(),
    contacts: z.array(contactSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.contacts.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['contacts', i, 'id'], message: `duplicate id "${c.id}"` });
      ids.add(c.id);
    });
    if (!ids.has(file.fallback))
      ctx.addIssue({
        code: 'custom',
        path: ['fallback'],
        message: `no contact has the id "${file.fallback}"`,
      });
  });
export type ContactsFile = z.infer<typeof contactsFileSchema>;

const phrase = z.string().trim().min(1);

/** The bot's own wording that is not the guideline's: small talk and the fallback. */
export const messagesFileSchema = z
  .object({
    fallback: z.string().min(1),
    didYouMean: z.string().min(1),
    answerIntro: z.string().min(1),
    /** Said instead of a dialog or choice turn while the conversation store cannot be reached. */
    storeUnavailable: z
      .string()
      .min(1)
      .default(
        "I can't continue that step right now because I can't reach my memory of our conversation. Please try again in a minute; questions still get answers meanwhile.",
      ),
    smalltalk: z
      .array(
        z
          .object({
            id: z.string().min(1),
            /** Example messages, learnt beside knowledge/questions/intents.yaml. */
            phrases: z.array(phrase).min(1),
            reply: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
    dialogs: dialogMessagesSchema,
    escalation: escalationMessagesSchema,
    feedback: feedbackMessagesSchema,
  })
  .strict();
export type MessagesFile = z.infer<typeof messagesFileSchema>;
