import { choiceIds } from '../dialogs/choice-ids';
import type { Dialog } from '../dialogs/types';
import type { SearchIndex } from '../search/search-index';
import { said } from '../dialogs/phrase-words';
import type { Choice, Citation } from '../types';

// An answer offers at most this many dialogs, so its choices stay short.
const MAX_OFFERS = 2;

/** The loaded dialogs, and the ways a turn can reach one. */
export interface DialogCatalog {
  dialogs: Dialog[];
  get(id: string): Dialog | undefined;
  /** The dialog a typed message names outright ("approvals", "privacy check"). */
  byName(text: string): Dialog | undefined;
  /** "Walk me through" choices for an answer with these citations, skipping `except`. */
  offersFor(citations: Citation[], except?: string): Choice[];
  /** True when an answer with these citations is about a sensitive dialog's topic (privacy, incidents). */
  isSensitive(citations: Citation[]): boolean;
  /** Every dialog as a start choice. */
  startChoices(): Choice[];
}

export function createDialogCatalog(index: SearchIndex): DialogCatalog {
  const dialogs = index.kb.dialogs;
  const byId = new Map(dialogs.map((d) => [d.id, d]));
  const names = new Map<string, Dialog>();
  for (const dialog of dialogs)
    for (const name of [dialog.id, dialog.title, ...dialog.names])
      if (!names.has(said(name))) names.set(said(name), dialog);
  const sensitive = new Set(dialogs.filter((d) => d.sensitive).flatMap((d) => d.offerFrom));
  const walkThrough = index.kb.messages.dialogs.walkThrough;
  return {
    dialogs,
    get: (id) => byId.get(id),
    byName: (text) => names.get(said(text)),
    offersFor(citations, except) {
      const cited = citations.map((c) => c.sectionId);
      return dialogs
        .filter((d) => d.id !== except && d.offerFrom.some((id) => cited.includes(id)))
        .sort((a, b) => firstCited(a, cited) - firstCited(b, cited))
        .slice(0, MAX_OFFERS)
        .map((d) => ({ id: choiceIds.start(d.id), label: walkThrough.replace('{title}', d.title) }));
    },
    isSensitive: (citations) => citations.some((c) => sensitive.has(c.sectionId)),
    startChoices: () => dialogs.map((d) => ({ id: choiceIds.start(d.id), label: d.title })),
  };
}

function firstCited(dialog: Dialog, cited: string[]): number {
  return Math.min(...dialog.offerFrom.map((id) => cited.indexOf(id)).filter((i) => i >= 0));
}
