import type { Passage } from './knowledge/guideline';
import type { SearchHit } from './search/search';
import { searchPassages } from './search/search';
import type { SearchIndex } from './search/search-index';
import { citationOf, fallbackContact, toContact } from './knowledge/reply-sources';
import type { Choice, Citation, Contact, QuotedPassage, Reply } from './types';
import { renderReplyText } from './reply-text';
import {
  related,
  UNDERSTAND_POLICY,
  type Policy,
  type Reading,
  type Understanding,
} from './understand/understand';

/** How answers are put together; when to answer is the model's decision (understand/understand.ts). */
export const ANSWER_POLICY = {
  maxPassages: 3,
  /** Upper bound on quoted characters, so replies stay readable and fit every channel. */
  maxQuotedChars: 2200,
  /** "Did you mean" sections: Lunr hits matching at least this share of the question's topic words. */
  nearbyCoverage: 0.2,
  nearbyScore: 0.5,
  maxNearby: 3,
};

/**
 * The reply to a question the model has read: the passages it chose (with the items of a list they
 * introduce), or the fallback with nearby sections Lunr finds for the question's words.
 */
export function replyFor(index: SearchIndex, understood: Understanding, question: string): Reply {
  if (!understood.answer.length) return fallbackReply(index, searchPassages(index, question).hits);
  const { chosen, add } = passageBudget();
  for (const { passage } of understood.answer)
    if (add(passage)) for (const item of listItems(index, passage)) add(item);
  return quoteReply(index, chosen, Math.min(1, understood.answer[0]!.score));
}

/**
 * A section someone picked from "did you mean": its passages that best fit the question they had asked, as
 * the model reads it (the score answers use: P(passage) + textWeight x cosine), with the ones scoring close
 * to the best; or, when none fits (or there is no question), the section's opening rule.
 */
export function sectionReply(
  index: SearchIndex,
  sectionId: string,
  question?: Reading,
  policy: Policy = UNDERSTAND_POLICY,
): Reply {
  const { chosen, add } = passageBudget();
  const withItems = (passage: Passage): void => {
    if (add(passage)) for (const item of listItems(index, passage)) add(item);
  };
  const fits = (question?.scored ?? []).filter((s) => s.passage.sectionId === sectionId);
  const best = fits[0];
  if (best && best.score >= policy.minScore) {
    for (const { passage } of related(fits, policy)) withItems(passage);
    return quoteReply(index, chosen, Math.min(1, best.score));
  }
  const opening = openingRule(index, sectionId);
  if (opening) withItems(opening);
  return quoteReply(index, chosen, 1);
}

/**
 * A section's opening rule: its first passage, in document order, that states something itself rather than
 * only introducing what follows ("Key points:", "Beyond these rules, two good tests for judging content
 * include:"). It may be a list item (the first key point); a rule that introduces a list is quoted with its
 * items. A section that is nothing but a lead-in opens with it.
 */
export function openingRule(index: SearchIndex, sectionId: string): Passage | undefined {
  const own = [...index.passages.values()].filter((p) => p.sectionId === sectionId);
  return own.find((p) => !isBareLeadIn(p)) ?? own[0];
}

/** One sentence ending in a colon: it only introduces what follows ("Key points:"). */
function isBareLeadIn(passage: Passage): boolean {
  const text = passage.text.trim().replace(/\b(?:e\.g|i\.e|etc)\./gi, '');
  return text.endsWith(':') && !/[.!?]["'”’)]?\s/.test(text.slice(0, -1));
}

/** Passages to quote, within the passage count and character limits; `add` says whether one fit. */
function passageBudget(): { chosen: Passage[]; add: (passage: Passage) => boolean } {
  const chosen: Passage[] = [];
  let chars = 0;
  const add = (passage: Passage): boolean => {
    const full =
      chosen.length >= ANSWER_POLICY.maxPassages ||
      chars + passage.text.length > ANSWER_POLICY.maxQuotedChars;
    if (full || chosen.includes(passage)) return false;
    chosen.push(passage);
    chars += passage.text.length;
    return true;
  };
  return { chosen, add };
}

/** A passage that introduces a list ("Documentation options include:") is quoted with its items. */
function listItems(index: SearchIndex, passage: Passage): Passage[] {
  if (!passage.text.trimEnd().endsWith(':')) return [];
  return [...index.passages.values()].filter((p) => p.leadId === passage.id);
}

/** A reply quoting passages verbatim, each with its citation, plus the contacts for those sections. */
function quoteReply(index: SearchIndex, passages: Passage[], confidence: number): Reply {
  const quoted: QuotedPassage[] = passages.map((p) => ({
    text: p.text,
    citation: citationFor(index, p.sectionId),
  }));
  const citations = uniqueBy(
    quoted.map((q) => q.citation),
    (c) => c.sectionId,
  );
  const reply: Reply = {
    kind: 'answer',
    text: '',
    intro: index.kb.messages.answerIntro,
    passages: quoted,
    citations,
    choices: [],
    contacts: contactsFor(index, citations),
    confidence,
  };
  return { ...reply, text: renderReplyText(reply) };
}

function fallbackReply(index: SearchIndex, hits: SearchHit[]): Reply {
  const { nearbyCoverage, nearbyScore, maxNearby } = ANSWER_POLICY;
  const nearby = hits.filter((h) => h.coverage >= nearbyCoverage && h.score >= nearbyScore);
  const choices: Choice[] = uniqueBy(nearby, (h) => h.passage.sectionId)
    .slice(0, maxNearby)
    .map((h) => ({
      id: `section:${h.passage.sectionId}`,
      label: citationFor(index, h.passage.sectionId).label,
    }));
  const reply: Reply = {
    kind: 'fallback',
    text: '',
    intro: index.kb.messages.fallback,
    passages: [],
    citations: [],
    choices,
    contacts: [fallbackContact(index.kb.contacts)],
    confidence: hits[0]?.coverage ?? 0,
  };
  return {
    ...reply,
    text: renderReplyText(reply, choices.length ? index.kb.messages.didYouMean : undefined),
  };
}

export function citationFor(index: SearchIndex, sectionId: string): Citation {
  return citationOf(index.kb.guideline.meta, index.sections.get(sectionId)!);
}

/** Contacts named for a cited section or any section above it. */
function contactsFor(index: SearchIndex, citations: Citation[]): Contact[] {
  const cited = new Set<string>();
  for (const citation of citations) {
    const section = index.sections.get(citation.sectionId)!;
    for (const s of index.sections.values())
      if (s.level <= section.level && startsWith(section.path, s.path)) cited.add(s.id);
  }
  return index.kb.contacts.contacts.filter((c) => c.sections.some((id) => cited.has(id))).map(toContact);
}

/** True when `path` begins with every part of `prefix`, in order. */
function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
