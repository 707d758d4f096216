import type { Server, ServerResponse } from 'node:http';

/** Stops a server gently: see `trackInFlight`. */
interface GracefulCloser {
  /** True once `close` has been called. */
  readonly closing: boolean;
  /** Requests being answered now. */
  inFlight(): number;
  /**
   * Stops accepting connections, lets requests in flight finish for up to `timeoutMs`, then cuts what is
   * left. Resolves with how many requests were cut (0 when all finished).
   */
  close(timeoutMs: number): Promise<{ cut: number }>;
}

/** Follows a server's requests from now on, so it can later be closed without dropping them. */
export function trackInFlight(server: Server): GracefulCloser {
  const active = new Set<ServerResponse>();
  let closing = false;
  // First listener: the route handler may answer synchronously, before a later listener could add headers.
  server.prependListener('request', (_req, res: ServerResponse) => {
    active.add(res);
    res.once('close', () => active.delete(res));
    // Keep-alive clients would otherwise send their next request down a connection that is about to close.
    if (closing) res.setHeader('connection', 'close');
  });
  return {
    get closing() {
      return closing;
    },
    inFlight: () => active.size,
    async close(timeoutMs) {
      closing = true;
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Node closes idle keep-alive connections itself; these are the ones with a request in flight.
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<'expired'>((resolve) => {
        timer = setTimeout(() => resolve('expired'), timeoutMs);
      });
      const outcome = await Promise.race([closed, expired]);
      clearTimeout(timer);
      if (outcome !== 'expired') return { cut: 0 };
      const cut = active.size;
      server.closeAllConnections();
      await closed;
      return { cut };
    },
  };
}
