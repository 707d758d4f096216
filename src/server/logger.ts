import pino, { type Logger } from 'pino';
import type { Env } from '../config';

export type { Logger };

/**
 * Structured JSON logs on stderr. Message text and secrets never belong in a log line: the fields that could
 * carry them are redacted even when a caller passes them by mistake.
 */
export function createLogger(env: Env, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level: env.LOG_LEVEL ?? 'info',
      base: { service: 'guidebot' },
      redact: {
        paths: [
          'text',
          '*.text',
          'question',
          '*.question',
          'token',
          '*.token',
          'authorization',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination as pino.DestinationStream,
  );
}
