import type { Passage } from './knowledge/guideline';
import type { SearchHit } from './search/search';
import { searchPassages } from './search/search';
import type { SearchIndex } from './search/search-index';
import { citationOf, fallbackContact, toContact } from './knowledge/reply-sources';
import type { Choice, Citation, Contact, QuotedPassage, Reply } from './types';
import { renderReplyText } from './reply-text';

/**
 * When to answer. A confident wrong answer is worse than a referral, so all must hold:
 * - coverage: the best passage matches at least this share of the question's topic weight. Words the
 *   guideline never uses count fully, so questions about pay, VPNs or leave stay far below it even when one
 *   word matches ("Facebook" in "overtime for moderating our Facebook group").
 * - score: Lunr's BM25 score of that passage, so one common word cannot answer alone.
 * - topic: the passage shares more with the question than words heard every day ("book", "day"): "how do
 *   I book a meeting room" is not about "books, manuals, reports" (see common-words.ts).
 * Calibrated on the development set (npm run eval): every out-of-scope question falls back from coverage
 * 0.45 up, and in-scope answers start to drop above 0.5; 0.48 sits inside that plateau. Scores from 1 to 1.5
 * give the same results; 1.2 is its middle.
 */
export const ANSWER_POLICY = {
  minCoverage: 0.48,
  minScore: 1.2,
  /** Further passages are quoted when they rank at least this share of the best one. */
  relatedRatio: 0.55,
  maxPassages: 3,
  /** Upper bound on quoted characters, so replies stay readable and fit every channel. */
  maxQuotedChars: 2200,
  /** "Did you mean" sections must reach this share of the answer thresholds. */
  nearbyShare: 0.45,
  maxNearby: 3,
  /**
   * A question whose words add up to less than this is too vague to answer ("information" alone weighs
   * 0.12); any weight from 0.5 to 1 gives the same results on both evaluation sets.
   */
  minTopicWeight: 0.75,
};

export interface Answered {
  reply: Reply;
  hits: SearchHit[];
}

export function answerQuestion(index: SearchIndex, question: string): Answered {
  const { hits, concepts } = searchPassages(index, question);
  const best = hits[0];
  const topicWeight = concepts.reduce((sum, c) => sum + c.weight, 0);
  const confident =
    best &&
    best.coverage >= ANSWER_POLICY.minCoverage &&
    best.score >= ANSWER_POLICY.minScore &&
    best.topical &&
    topicWeight >= ANSWER_POLICY.minTopicWeight;
  if (!confident) return { reply: fallbackReply(index, hits), hits };
  return { reply: quoteReply(index, pickPassages(index, hits), best.coverage), hits };
}

/** The best passage, then others that rank close to it, within the length budget. */
function pickPassages(index: SearchIndex, hits: SearchHit[]): Passage[] {
  const best = hits[0]!;
  const { chosen, add } = passageBudget();
  for (const hit of hits) {
    if (chosen.length >= ANSWER_POLICY.maxPassages) break;
    if (
      hit !== best &&
      (hit.rank < best.rank * ANSWER_POLICY.relatedRatio || hit.coverage < ANSWER_POLICY.minCoverage)
    )
      break;
    if (add(hit.passage)) for (const item of listItems(index, hit.passage)) add(item);
  }
  return chosen;
}

/**
 * A section someone picked from "did you mean": the passages of that section that best fit their question,
 * or the section from its start when none match.
 */
export function sectionReply(index: SearchIndex, sectionId: string, question?: string): Reply {
  const hits = question ? searchPassages(index, question, { sectionIds: [sectionId] }).hits : [];
  if (hits.length) return quoteReply(index, pickPassages(index, hits), hits[0]!.coverage);
  const { chosen, add } = passageBudget();
  for (const passage of index.passages.values()) if (passage.sectionId === sectionId && !add(passage)) break;
  return quoteReply(index, chosen, 1);
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
  const { minCoverage, minScore, nearbyShare, maxNearby } = ANSWER_POLICY;
  const nearby = hits.filter(
    (h) => h.coverage >= minCoverage * nearbyShare && h.score >= minScore * nearbyShare,
  );
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
      if (section.path.slice(0, s.path.length).join('\0') === s.path.join('\0') && s.level <= section.level)
        cited.add(s.id);
  }
  return index.kb.contacts.contacts.filter((c) => c.sections.some((id) => cited.has(id))).map(toContact);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
