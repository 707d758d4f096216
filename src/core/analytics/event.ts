import { z } from 'zod';

const piKind = z.enum(['email', 'phone', 'sin', 'phn', 'address', 'dateOfBirth', 'healthDetail', 'name']);

/**
 * One turn as analytics keep it: no names, no raw text. Ids are salted hashes; the question is the redacted
 * text, kept only for answers and fallbacks (what the report needs to show gaps in the knowledge base).
 */
const analyticsEventSchema = z.object({
  v: z.literal(1),
  /** Random, so two identical events stay two. */
  id: z.string().min(1),
  at: z.iso.datetime(),
  channel: z.string().min(1),
  /** HMAC of channel and platform user id with the secret salt. */
  user: z.string().min(1),
  /** HMAC of channel and conversation id: links feedback to the question it rates. */
  conversation: z.string().min(1),
  input: z.enum(['text', 'choice', 'none']),
  kind: z.enum(['answer', 'fallback', 'dialog', 'smalltalk', 'none']),
  question: z.string().optional(),
  /** Kinds of personal information removed from the message. */
  pi: z.array(piKind).optional(),
  /** The bot-made id of a clicked choice (never free text). */
  choice: z.string().optional(),
  sectionIds: z.array(z.string()),
  score: z.number().optional(),
  dialog: z
    .object({ id: z.string(), outcome: z.string().optional(), ended: z.boolean().optional() })
    .optional(),
  feedback: z.enum(['helpful', 'not-helpful']).optional(),
  escalation: z.boolean().optional(),
});

/** What one turn leaves in the analytics store. */
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;

/** Parses one stored event; undefined for a damaged or foreign record (skipped, never fatal). */
export function parseEvent(raw: string): AnalyticsEvent | undefined {
  try {
    const parsed = analyticsEventSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
