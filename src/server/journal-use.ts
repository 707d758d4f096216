import type { JournalStore } from '../core/state/conversation-store';
import type { JournalUse } from '../core/state/turn-journal';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

interface JournalOwner {
  store: JournalStore;
  metrics?: Pick<Metrics, 'storeErrors'>;
  logger: Logger;
}

/** A channel's use of the store's turn journal: its own prefix; store failures counted and logged (no text). */
export function journalUse({ store, metrics, logger }: JournalOwner, prefix: string): JournalUse {
  return {
    journal: store.journal,
    prefix,
    onStoreError(error, message) {
      metrics?.storeErrors.inc();
      logger.warn({ err: { name: (error as Error)?.name } }, message);
    },
  };
}
