import type { Bot } from '../../core/bot';
import type { KnowledgeBase } from '../../core/knowledge/load-knowledge';
import { fillWording, loadPrivacyKnowledge } from '../../core/privacy/privacy-file';
import type { Choice } from '../../core/types';
import { MAX_INBOUND_CHARS } from '../../core/search/text';
import type { WebWording } from './web-wording';

/** The web chat's welcome: read in five seconds, with the full collection notice one click away. */
export interface WebWelcome {
  lead: string;
  /** Example questions: a click asks them. */
  examples: string[];
  dialogsHeading: string;
  /** The guided checks, as the core offers them (dialog-start choices). */
  dialogs: Choice[];
  notice: { short: string; more: string; full: string };
  /** For the page header: the guideline, its readable copy on this server and its source. */
  guideline: {
    title: string;
    version: string;
    effective: string | null;
    source: string | null;
    page: string;
  };
  /** The longest message the server takes: the page refuses a longer one, naming the limit. */
  maxTextLength: number;
}

export const GUIDELINE_PAGE = '/guideline';

export function buildWelcome(
  bot: Bot,
  kb: KnowledgeBase,
  wording: WebWording,
  retentionDays: number,
): WebWelcome {
  const privacy = loadPrivacyKnowledge(kb.dir);
  const { title, version, effective, source } = kb.guideline.meta;
  return {
    lead: wording.lead,
    examples: wording.examples,
    dialogsHeading: wording.dialogsHeading,
    dialogs: bot.welcome().choices,
    notice: {
      short: fillWording(wording.noticeShort, { retentionDays }),
      more: wording.noticeMore,
      full: fillWording(privacy.collectionNotice, { retentionDays }),
    },
    guideline: { title, version, effective, source, page: GUIDELINE_PAGE },
    maxTextLength: MAX_INBOUND_CHARS,
  };
}
