import Redis from 'ioredis';
import { GuidebotError } from '../errors';

/** How the Redis client behaves when Redis is slow or gone. */
export interface RedisConnectionOptions {
  /** redis://[user:password@]host:port[/db] or rediss:// for TLS. */
  url: string;
  /** A command with no reply after this long fails (default 500 ms): a turn never hangs on Redis. */
  commandTimeoutMs?: number;
  /** Start-up gives up after this long (default 5000 ms). */
  connectTimeoutMs?: number;
}

/** A connected client, where it points (no password) and the last connection error, for messages. */
export interface RedisConnection {
  client: Redis;
  where: string;
  lastError(): string | undefined;
}

/**
 * Connects and checks Redis answers (PING). Rejects with GuidebotError 'STORE_UNAVAILABLE' saying where and
 * why if it cannot within `connectTimeoutMs`; the half-open client is closed so the process can exit.
 */
export async function connectRedis(options: RedisConnectionOptions): Promise<RedisConnection> {
  const where = describeUrl(options.url);
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  let lastError: string | undefined;
  const client = new Redis(options.url, {
    lazyConnect: true,
    // Fail fast while disconnected instead of queueing commands until Redis returns: a turn gets a clear
    // error within milliseconds, and the client keeps reconnecting in the background.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // A turn pays this once when Redis stops answering (the store then fails fast): it bounds the turn.
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: Math.min(connectTimeoutMs, 2000),
    // Reconnect forever, at most a second apart, so the store is back soon after Redis is.
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    // ioredis keeps a timer this long after disconnecting a socket that had already failed; the default 2 s
    // would hold a failed start-up (or a test run) open for nothing.
    disconnectTimeout: 200,
  });
  // Without a listener ioredis prints every failed reconnect; keep the latest for error messages instead.
  client.on('error', (error: Error) => {
    lastError = error.message;
  });
  client.on('ready', () => {
    lastError = undefined;
  });
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      connectTimeoutMs,
      `no answer within ${connectTimeoutMs} ms`,
    );
  } catch (error) {
    client.disconnect();
    const reason = lastError ?? (error instanceof Error ? error.message : String(error));
    throw new GuidebotError('STORE_UNAVAILABLE', `Cannot connect to Redis at ${where}: ${reason}`, {
      cause: error,
    });
  }
  return { client, where, lastError: () => lastError };
}

/** host:port/db of a Redis URL without its user name or password, which must never reach a log. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const db = parsed.pathname.replace(/^\//, '');
    return `${parsed.protocol}//${parsed.hostname}:${parsed.port || '6379'}${db ? `/${db}` : ''}`;
  } catch {
    return 'an unparseable URL';
  }
}

function withTimeout<V>(work: Promise<V>, ms: number, reason: string): Promise<V> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(reason)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
