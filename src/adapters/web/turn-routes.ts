import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Bot } from '../../core/bot';
import type { Inbound } from '../../core/types';
import { BodyTooLargeError, readBody } from '../../server/read-body';
import { sendJson, type Route } from '../../server/route';
import { guardRequest } from './guard';
import { MAX_INBOUND_CHARS } from '../../core/search/text';
import { toWebReplies, toWebReply, type WebRenderOptions } from './render';
import type { WebWelcome } from './welcome';

/** Largest turn body: a maximal message in JSON, with every character escaped, fits. */
const TURN_BODY_LIMIT_BYTES = 16 * 1024;

/** What the page posts: the tab's conversation id and either typed text or a clicked choice id. */
const turnSchema = z
  .strictObject({
    conversation: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _'),
    text: z
      .string()
      .min(1)
      .max(MAX_INBOUND_CHARS, `is longer than the limit of ${MAX_INBOUND_CHARS} characters`)
      .optional(),
    choice: z.string().min(1).max(200).optional(),
  })
  .refine((turn) => (turn.text === undefined) !== (turn.choice === undefined), {
    message: 'send either text or choice',
  });

interface TurnRouteOptions {
  bot: Bot;
  loopbackOnly: boolean;
  render: Omit<WebRenderOptions, 'canForward'>;
  /** Whether a confirmed escalation would reach someone now. */
  canForward: () => Promise<boolean>;
  welcome: WebWelcome;
}

/**
 * POST /api/web/turn {conversation, text | choice} -> {replies}; GET /api/web/welcome -> {replies, welcome}
 * (`replies` is the welcome in the reply model, for scripts; the page shows `welcome`).
 */
export function createTurnRoutes({
  bot,
  loopbackOnly,
  render,
  canForward,
  welcome,
}: TurnRouteOptions): Route[] {
  const turn: Route = {
    method: 'POST',
    path: '/api/web/turn',
    async handle(req, res) {
      if (!guardRequest(req, res, loopbackOnly)) return;
      // Requiring JSON also makes any cross-site form or fetch a CORS preflight, which this server refuses.
      if (!isJson(req)) return sendJson(res, 415, { error: 'send Content-Type: application/json' });
      const body = await readTurnBody(req);
      if (body === undefined)
        return sendJson(res, 413, { error: `body is over ${TURN_BODY_LIMIT_BYTES} bytes` });
      const parsed = turnSchema.safeParse(parseJson(body));
      if (!parsed.success) return sendJson(res, 400, { error: describeIssue(parsed.error) });
      const { conversation, text, choice } = parsed.data;
      // No name and no account: the tab's random conversation id is the only user id the core sees.
      const inbound: Inbound = {
        channel: 'web',
        conversation,
        user: conversation,
        // The id is the page's own invention: the rate limit also counts the address it comes from.
        ...(req.socket.remoteAddress && { client: req.socket.remoteAddress }),
        ...(text !== undefined && { text }),
        ...(choice !== undefined && { choice }),
      };
      const replies = await bot.handle(inbound);
      // Asked only when there is an offer to forward (with Teams it is a store read).
      const forward = replies.some((reply) => reply.escalation) && (await canForward());
      sendJson(res, 200, { replies: toWebReplies(replies, { ...render, canForward: forward }) });
    },
  };
  const welcomeRoute: Route = {
    method: 'GET',
    path: '/api/web/welcome',
    handle(req, res) {
      if (!guardRequest(req, res, loopbackOnly)) return;
      const options = { ...render, canForward: false };
      sendJson(res, 200, { replies: [toWebReply(bot.welcome(), options)], welcome });
    },
  };
  return [turn, welcomeRoute];
}

function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** The body, or undefined when it is over the limit. */
async function readTurnBody(req: IncomingMessage): Promise<string | undefined> {
  try {
    return await readBody(req, TURN_BODY_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return undefined;
    throw error;
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

// Names the field and the rule, never the value: the value may be the person's message.
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const field = issue.path.length ? issue.path.join('.') : 'body';
  return `${field}: ${issue.message}`;
}
