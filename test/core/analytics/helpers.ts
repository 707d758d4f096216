import path from 'node:path';
import { createAnalyticsRecorder } from '../../../src/core/analytics/recorder';
import type { AnalyticsStore } from '../../../src/core/analytics/analytics-store';
import { createBot, type Bot, type ConversationState } from '../../../src/core/bot';
import { loadAllKnowledge, loadBot } from '../../../src/core/load-bot';
import type { NotPersonal } from '../../../src/core/privacy/detect-identifiers';
import { loadPrivacyKnowledge } from '../../../src/core/privacy/privacy-file';
import { withPrivacy } from '../../../src/core/privacy/with-privacy';
import type { SearchIndex } from '../../../src/core/search/search-index';
import { createMemoryStore } from '../../../src/core/state/memory-store';
import type { TurnObserver } from '../../../src/core/turn-event';
import { makeTempDir } from '../../helpers/knowledge-copy';

let shared: SearchIndex | undefined;
let allow: NotPersonal | undefined;

/** The allow-list the server gives analytics (loadAllKnowledge's, as in startServer). */
export function serverNotPersonal(): NotPersonal {
  allow ??= loadAllKnowledge().notPersonal;
  return allow;
}

/** The real index, built once per test file into a temporary path. */
export function realIndex(): SearchIndex {
  shared ??= loadBot({ indexPath: path.join(makeTempDir('analytics-index'), 'index.json') }).index;
  return shared;
}

/** The bot as the lead wires it: core with the analytics recorder, wrapped by withPrivacy. */
export function createRecordedBot(
  store: AnalyticsStore,
  options: { salt?: string; at?: () => Date; wrap?: boolean } = {},
): Bot {
  const index = realIndex();
  const privacy = loadPrivacyKnowledge();
  const recorder = createAnalyticsRecorder({
    store,
    salt: options.salt ?? 'test-salt-0123456789',
    retentionDays: 90,
    notPersonal: serverNotPersonal(),
  });
  // Tests place turns on chosen days; the core stamps them with the real time.
  const observe: TurnObserver = options.at ? (event) => recorder({ ...event, at: options.at!() }) : recorder;
  const conversations = createMemoryStore<ConversationState>();
  const core = createBot({ index, store: conversations, observe });
  if (options.wrap === false) return core;
  return withPrivacy(core, privacy, { store: conversations, kb: index.kb, retentionDays: 90 });
}
