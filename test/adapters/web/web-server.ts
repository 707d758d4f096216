import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Env } from '../../../src/config';
import type { Bot } from '../../../src/core/bot';
import type { Reply } from '../../../src/core/types';
import type { ChannelSetup } from '../../../src/server/channel';
import { createLogger } from '../../../src/server/logger';
import { startServer, type RunningServer } from '../../../src/server/serve';
import { makeTempDir } from '../../helpers/knowledge-copy';

/** A real server on a free loopback port, with its log lines kept for privacy checks. */
export interface TestServer {
  running: RunningServer;
  url: string;
  logs: string[];
  indexPath: string;
}

/** Starts the real server (registered channels unless `setups` is given) with PORT 0, a private index and data folder. */
export async function startTestServer(
  env: Env = {},
  setups?: Array<(env: Env) => ChannelSetup>,
): Promise<TestServer> {
  const dir = makeTempDir('web');
  const indexPath = path.join(dir, 'index.json');
  const fullEnv: Env = {
    PORT: '0',
    GUIDEBOT_INDEX_PATH: indexPath,
    GUIDEBOT_DATA_DIR: path.join(dir, 'data'),
    ...env,
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const running = await startServer({
    env: fullEnv,
    logger: createLogger(fullEnv, sink),
    ...(setups && { setups }),
  });
  return { running, url: running.url, logs, indexPath };
}

/** POSTs a JSON turn (or any body) to the web chat endpoint. */
export async function postTurn(
  url: string,
  body: unknown,
  contentType = 'application/json',
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}/api/web/turn`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** Questions the answer engine may answer or not; tests pick among them by what it does today. */
export const ANSWERABLE = [
  'can we talk about court cases with the public?',
  'do I need a PIA?',
  'who do I tell if our account is hacked',
];
export const VAGUE = [
  'pizza budget for the privacy team',
  'vacation photos of my dog on instagram',
  'planning',
];

/** The first question of `from` whose reply (from a bot over the same knowledge) passes `test`. */
export async function pickQuestion(
  bot: Bot,
  from: string[],
  test: (reply: Reply) => boolean,
): Promise<{ question: string; reply: Reply }> {
  for (const question of from) {
    const conversation = randomBytes(12).toString('hex');
    // A turn may carry notes (the collection notice) besides the answer.
    const replies = await bot.handle({ channel: 'web', conversation, user: conversation, text: question });
    const reply = replies.find(test);
    if (reply) return { question, reply };
  }
  throw new Error(`none of ${JSON.stringify(from)} gets such a reply: extend the list`);
}
