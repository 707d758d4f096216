import type { SynonymsFile } from '../knowledge/schema';
import { isStopWord, stem, words } from './text';

/** One synonym entry, compiled: its phrases as stem sequences, and the topic stems that stand for it. */
export interface SynonymGroup {
  index: number;
  phrases: string[][];
  /** Stems of the group's one-word phrases: what the index adds to passages that mention the group. */
  terms: string[];
  /** Each phrase's topic stems: a passage shows the group when it has every stem of one of them. */
  topicPhrases: string[][];
}

/** A run of words found in text: either a synonym phrase or a single topic word. */
export interface Mention {
  surface: string;
  group?: SynonymGroup;
  stem: string;
}

export interface SynonymMatcher {
  groups: SynonymGroup[];
  /** Reads text left to right, taking the longest synonym phrase at each word. */
  mentions(text: string): Mention[];
}

export function compileSynonyms(file: SynonymsFile): SynonymMatcher {
  const groups = file.synonyms.map((entry, index): SynonymGroup => {
    const phrases = [...entry.staff, ...entry.guideline]
      .map((p) => words(p).map(stem))
      .filter((p) => p.length);
    // A spelling entry (abt: about) maps to stop words only: its mentions carry no topic.
    const hasTopic = entry.guideline.some((p) => words(p).some((w) => !isStopWord(w)));
    const topicPhrases = hasTopic
      ? [...entry.staff, ...entry.guideline]
          .map((p) =>
            words(p)
              .filter((w) => !isStopWord(w))
              .map(stem),
          )
          .filter((p) => p.length)
      : [];
    // Words of longer phrases ("job" of "job title") would find passages on their own, so only one-word
    // phrases are added to the index.
    const terms = [...new Set(topicPhrases.filter((p) => p.length === 1).flat())];
    return { index, phrases, terms, topicPhrases };
  });
  // Phrases by first stem, longest first, so "court case" wins over "court".
  const byFirst = new Map<string, { phrase: string[]; group: SynonymGroup }[]>();
  for (const group of groups)
    for (const phrase of group.phrases) {
      const list = byFirst.get(phrase[0]!) ?? [];
      list.push({ phrase, group });
      byFirst.set(phrase[0]!, list);
    }
  for (const list of byFirst.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);

  return {
    groups,
    mentions(text) {
      const surface = words(text);
      const stems = surface.map(stem);
      const found: Mention[] = [];
      for (let i = 0; i < stems.length;) {
        const match = byFirst
          .get(stems[i]!)
          ?.find(({ phrase }) => phrase.every((s, k) => stems[i + k] === s));
        if (match) {
          if (match.group.topicPhrases.length)
            found.push({
              surface: surface.slice(i, i + match.phrase.length).join(' '),
              group: match.group,
              stem: stems[i]!,
            });
          i += match.phrase.length;
          continue;
        }
        if (!isStopWord(surface[i]!)) found.push({ surface: surface[i]!, stem: stems[i]! });
        i++;
      }
      return found;
    },
  };
}
