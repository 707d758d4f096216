import pino, { type Logger } from 'pino';
import type { Env } from '../config';
import { loadLogLevel } from '../ops/ops-config';
import { redactLogFields } from './log-redaction';
import { currentRequest } from './request-context';

export type { Logger };

/**
 * Structured JSON logs on stderr at LOG_LEVEL (a bad value is a ConfigError naming it). Message text and
 * secrets never belong in a log line: the fields that could carry them are redacted even when a caller
 * passes them by mistake. Lines written while a request is handled carry its `reqId`.
 */
export function createLogger(
  env: Env,
  destination: NodeJS.WritableStream | pino.DestinationStream = process.stderr,
): Logger {
  return pino(
    {
      level: loadLogLevel(env),
      base: { service: 'guidebot' },
      // ISO times read at a glance in `kubectl logs` and parse in every log pipeline.
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: redactLogFields, bindings: redactLogFields },
      serializers: { err: toSafeError },
      mixin: () => {
        const request = currentRequest();
        return request ? { reqId: request.reqId } : {};
      },
    },
    destination as pino.DestinationStream,
  );
}

/**
 * An error as a log field: its type, code, message and stack only. SDK errors carry the request they failed
 * on (axios `config.headers.Authorization` holds the bot token), so their other properties stay out.
 */
function toSafeError(error: unknown): unknown {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, status, statusCode } = error as Error & Record<string, unknown>;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' && { code }),
    ...(typeof (status ?? statusCode) === 'number' && { status: status ?? statusCode }),
    stack: error.stack,
    ...(error.cause !== undefined && { cause: toSafeError(error.cause) }),
  };
}
