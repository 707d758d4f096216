import { z } from 'zod';

/** What the owner decides for a question group: add its questions to the bank, or leave them out. */
export const REVIEW_ACTIONS = ['keep', 'drop'] as const;

const reviewEntry = z
  .object({
    /** Why it is here: the bot fell back, or someone rated the answer not helpful. */
    reason: z.enum(['unanswered', 'not-helpful']).optional(),
    asked: z.number().int().min(0).optional(),
    questions: z.array(z.string().trim().min(1)).min(1),
    section: z.string().trim().min(1),
    anchor: z.string().trim().min(3),
    action: z.enum(REVIEW_ACTIONS, {
      error: 'write keep (add these questions to the bank for this passage) or drop (leave them out)',
    }),
  })
  .strict();

/** A review file written by `guidebot knowledge suggest` and edited by an owner. */
export const reviewFileSchema = z.object({ reviews: z.array(reviewEntry) }).strict();
export type ReviewFile = z.infer<typeof reviewFileSchema>;
export type ReviewEntry = ReviewFile['reviews'][number];

/** Written in place of keep or drop: the file cannot be merged until the owner has decided. */
export const UNDECIDED = 'undecided';
