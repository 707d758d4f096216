import { z } from 'zod';
import type { KnownBlock, SlackMessage } from './blocks';
import { FEEDBACK_BLOCK_ID } from './blocks';

const clickedMessage = z.object({
  message: z.object({
    text: z.string().default(''),
    blocks: z.array(z.object({ block_id: z.string().optional() }).loose()),
  }),
});

/** The clicked message as it was, minus its feedback buttons; undefined when the payload lacks it. */
export function withoutFeedback(body: unknown): SlackMessage | undefined {
  const parsed = clickedMessage.safeParse(body);
  if (!parsed.success) return undefined;
  const { text, blocks } = parsed.data.message;
  if (!blocks.some((b) => b.block_id === FEEDBACK_BLOCK_ID)) return undefined;
  // Slack sends the blocks back as it stored them; they go back unchanged but for the removed block.
  return { text, blocks: blocks.filter((b) => b.block_id !== FEEDBACK_BLOCK_ID) as unknown as KnownBlock[] };
}
