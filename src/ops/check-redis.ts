import Redis from 'ioredis';

/** How a Redis server answered a PING: the round trip, or why it could not be reached. */
export type RedisCheck = { ok: true; ms: number } | { ok: false; reason: string };

/** Connects to `url` once (no retries), sends PING and disconnects, all within `timeoutMs`. */
export async function checkRedis(url: string, timeoutMs = 2000): Promise<RedisCheck> {
  const started = performance.now();
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    // How long ioredis waits for a closing socket before destroying it; its 2 s would keep `doctor` running.
    disconnectTimeout: 100,
  });
  // The socket's own error (ECONNREFUSED, ENOTFOUND) says more than the "Connection is closed." that follows.
  let socketError: Error | undefined;
  client.on('error', (error: Error) => {
    socketError ??= error;
  });
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), expired]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const cause = socketError ?? error;
    return { ok: false, reason: cause instanceof Error ? cause.message : String(cause) };
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
