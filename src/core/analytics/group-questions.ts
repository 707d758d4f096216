import { topicStems } from '../search/text';

/** Questions that read alike, so owners see one gap once however it was worded. */
export interface QuestionGroup {
  /** How many times questions in the group were asked. */
  count: number;
  /** The most asked wording in the group. */
  example: string;
  /** Each distinct wording and how often it was asked, most asked first. */
  questions: { text: string; count: number }[];
}

/** Two questions share a group when their topic stems overlap at least this much (Jaccard). */
const SIMILARITY_THRESHOLD = 0.5;

/**
 * Groups questions by the overlap of their stemmed topic words (token-set Jaccard), joining a question to a
 * group when it is close enough to any question already in it. Deterministic: most asked wordings first.
 */
export function groupSimilarQuestions(texts: string[], threshold = SIMILARITY_THRESHOLD): QuestionGroup[] {
  const counts = new Map<string, { text: string; count: number }>();
  for (const text of texts) {
    const key = text
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/[\s?.!]+$/, '')
      .trim();
    const entry = counts.get(key) ?? { text: text.trim(), count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const distinct = [...counts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const groups: { members: { text: string; count: number; stems: Set<string> }[] }[] = [];
  for (const question of distinct) {
    const stems = new Set(topicStems(question.text));
    let best: (typeof groups)[number] | undefined;
    let bestScore = 0;
    for (const group of groups) {
      const score = Math.max(...group.members.map((m) => jaccard(stems, m.stems)));
      if (score >= threshold && score > bestScore) [best, bestScore] = [group, score];
    }
    if (best) best.members.push({ ...question, stems });
    else groups.push({ members: [{ ...question, stems }] });
  }
  return groups
    .map(({ members }) => ({
      count: members.reduce((sum, m) => sum + m.count, 0),
      example: members[0]!.text,
      questions: members.map(({ text, count }) => ({ text, count })),
    }))
    .sort((a, b) => b.count - a.count || a.example.localeCompare(b.example));
}

/** |a ∩ b| / |a ∪ b|; two empty sets (questions of stop words only) never match. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
