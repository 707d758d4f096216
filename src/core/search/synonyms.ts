import type { SynonymsFile } from '../knowledge/schema';
import type lunr from 'lunr';
import { toTokenSet } from './spelling';
import { isStopWord, stem, words } from './text';

/** One synonym entry, compiled. */
export interface SynonymGroup {
  index: number;
  /** Every phrase of both sides, as light word forms: what is recognised in text. */
  phrases: string[][];
  /** The guideline side's topic stems, one list per phrase: a passage shows the group when it has every stem of one. */
  guidelinePhrases: string[][];
  /** Stems of the staff side's one-word phrases: what the index adds to passages that mention the group. */
  staffTerms: string[];
}

/** A run of words found in text: either a synonym phrase or a single topic word. */
export interface Mention {
  surface: string;
  group?: SynonymGroup;
  stem: string;
}

export interface SynonymMatcher {
  groups: SynonymGroup[];
  /** Every word of every phrase, as typed, and as a TokenSet: what misspelt staff words are corrected to. */
  vocabulary: { words: ReadonlySet<string>; tokens: lunr.TokenSet };
  /**
   * Reads text left to right, taking the longest synonym phrase at each word. With `guidelineSide`, only the
   * guideline's own phrases count: the guideline's "purpose of the collection" is not the staff's "purpose".
   */
  mentions(text: string, options?: { guidelineSide?: boolean }): Mention[];
}

/**
 * Phrases are recognised by a light form of each word (lowercase, plural "s" dropped), not by Porter stems,
 * which would read "personal" as "personable" and "news" as "new".
 */
function lightForm(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const topicStemsOf = (phrase: string): string[] =>
  words(phrase)
    .filter((w) => !isStopWord(w))
    .map(stem);

export function compileSynonyms(file: SynonymsFile): SynonymMatcher {
  const groups = file.synonyms.map((entry, index): SynonymGroup => ({
    index,
    phrases: [...entry.staff, ...entry.guideline].map((p) => words(p).map(lightForm)).filter((p) => p.length),
    // A spelling entry (abt: about) maps to stop words only, so its mentions carry no topic.
    guidelinePhrases: entry.guideline.map(topicStemsOf).filter((p) => p.length),
    // Words of longer phrases ("job" of "job title") would find passages on their own: only one-word
    // phrases are added to the index.
    staffTerms: [...new Set(entry.staff.filter((p) => words(p).length === 1).flatMap(topicStemsOf))],
  }));
  // Phrases by first word, longest first, so "court case" wins over "court".
  const byFirst = new Map<string, { phrase: string[]; group: SynonymGroup; guidelineSide: boolean }[]>();
  file.synonyms.forEach((entry, index) => {
    const group = groups[index]!;
    const sides = [...entry.staff.map((p) => ({ p, guidelineSide: false }))];
    sides.push(...entry.guideline.map((p) => ({ p, guidelineSide: true })));
    for (const { p, guidelineSide } of sides) {
      const phrase = words(p).map(lightForm);
      if (!phrase.length) continue;
      const list = byFirst.get(phrase[0]!) ?? [];
      list.push({ phrase, group, guidelineSide });
      byFirst.set(phrase[0]!, list);
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);

  const vocabularyWords = new Set(
    file.synonyms.flatMap((e) => [...e.staff, ...e.guideline].flatMap((p) => words(p))),
  );
  const vocabulary = { words: vocabularyWords, tokens: toTokenSet(vocabularyWords) };
  return {
    groups,
    vocabulary,
    mentions(text, options = {}) {
      const surface = words(text);
      const forms = surface.map(lightForm);
      const found: Mention[] = [];
      for (let i = 0; i < forms.length;) {
        const match = byFirst
          .get(forms[i]!)
          ?.find(
            ({ phrase, guidelineSide }) =>
              (guidelineSide || !options.guidelineSide) && phrase.every((w, k) => forms[i + k] === w),
          );
        if (match) {
          if (match.group.guidelinePhrases.length) {
            const said = surface.slice(i, i + match.phrase.length);
            found.push({ surface: said.join(' '), group: match.group, stem: stem(said[0]!) });
          }
          i += match.phrase.length;
          continue;
        }
        if (!isStopWord(surface[i]!)) found.push({ surface: surface[i]!, stem: stem(surface[i]!) });
        i++;
      }
      return found;
    },
  };
}
