import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../server/logger';

/**
 * Bolt's and the Web API client's logs, into the server's pino logger. Their debug level prints request
 * bodies (message text), so it is dropped whatever LOG_LEVEL says; info and above carry no message text.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-sdk' });
  const line = (parts: unknown[]): string =>
    parts.map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : String(part))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: () => {},
    info: (...parts: unknown[]) => child.info(line(parts)),
    warn: (...parts: unknown[]) => child.warn(line(parts)),
    error: (...parts: unknown[]) => child.error(line(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
