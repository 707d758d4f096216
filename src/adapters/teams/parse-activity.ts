import type { Activity } from 'botbuilder';
import { z } from 'zod';

const account = z.looseObject({ id: z.string().min(1) });

// What every Bot Connector activity carries, checked before botbuilder or the bot reads it; the rest of
// the activity passes through untouched.
const activityShape = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1), conversationType: z.string().optional() }),
  from: account.optional(),
  recipient: account.optional(),
  id: z.string().optional(),
  replyToId: z.string().optional(),
  text: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string().optional() })).optional(),
  membersAdded: z.array(account).optional(),
});

/** The parsed body, or why it is not an activity: `missing-type` (not even that) or `malformed`. */
type ParsedActivity =
  { ok: true; activity: Activity } | { ok: false; problem: 'not-json' | 'missing-type' | 'malformed' };

/**
 * Parses a request body as a Bot Framework activity. Only `type` is needed to decide authentication; the
 * rest of the shape is checked by `checkShape`, after the local-mode serviceUrl check.
 */
export function parseActivity(raw: string): ParsedActivity {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, problem: 'missing-type' };
  const { type } = body as { type?: unknown };
  if (typeof type !== 'string' || !type) return { ok: false, problem: 'missing-type' };
  return { ok: true, activity: body as Activity };
}

/** True when the activity has the fields every connector activity has, with the right types. */
export function hasActivityShape(activity: Activity): boolean {
  if (!activityShape.safeParse(activity).success) return false;
  // As botbuilder's own validateAndFixActivity does: timestamps arrive as ISO strings.
  const record = activity as unknown as Record<string, unknown>;
  for (const field of ['timestamp', 'localTimestamp', 'expiration']) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    record[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = value;
    record[field] = new Date(value);
  }
  return true;
}
