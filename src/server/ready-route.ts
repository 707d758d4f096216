import { freshness } from '../core/privacy/freshness';
import type { StateStore } from '../core/state/conversation-store';
import type { SearchIndex } from '../core/search/search-index';
import { sendJson, type Route } from './route';

interface ReadinessChecks {
  index: SearchIndex;
  store: Pick<StateStore<unknown>, 'get'>;
  /** True once shutdown has begun: the load balancer should send new work elsewhere. */
  draining(): boolean;
  /** How long the store may take to answer the probe. */
  storeTimeoutMs?: number;
}

// A key nobody writes: reading it proves the store answers without touching any conversation.
const PROBE_KEY = 'guidebot:readyz-probe';

/** Why the server should not get traffic now, or undefined when it is ready. */
async function checkReadiness({
  index,
  store,
  draining,
  storeTimeoutMs = 1000,
}: ReadinessChecks): Promise<string | undefined> {
  if (draining()) return 'shutting down';
  if (!index.kb.guideline.passages.length) return 'knowledge not loaded';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`store did not answer within ${storeTimeoutMs} ms`), storeTimeoutMs);
  });
  const probe = store.get(PROBE_KEY).then(
    () => undefined,
    // Only the error code: a driver's message can name hosts, and this endpoint may be reachable from outside.
    (error: unknown) => `store unavailable (${errorCode(error)})`,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /readyz`: 200 when knowledge is loaded and the store answers; 503 with the reason otherwise. */
export function createReadyRoute(checks: ReadinessChecks): Route {
  return {
    method: 'GET',
    path: '/readyz',
    async handle(_req, res) {
      const reason = await checkReadiness(checks);
      // A guideline past its review-by date still answers (with a notice): reported, not a reason to stop.
      const guideline = freshness(checks.index.kb, new Date());
      if (reason) sendJson(res, 503, { status: 'not ready', reason, guideline });
      else sendJson(res, 200, { status: 'ready', guideline });
    },
  };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'error';
}
