import { stem, words } from '../search/text';

/** Character n-grams are taken within words from this length to that one, "<" and ">" marking the ends. */
const MIN_GRAM = 3;
const MAX_GRAM = 5;
// Longer "words" (pasted links, hashes) add n-grams nobody else shares: they are cut to this length.
const MAX_WORD_CHARS = 40;

/**
 * The raw features of a text and how often each occurs: character 3-5-grams within words (misspellings and
 * word forms still share most of them), stemmed words, and stemmed word pairs (word order: "who approves").
 */
export function rawFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  const list = words(text);
  const stems = list.map((w) => stem(w));
  for (const word of list) {
    const marked = `<${word.slice(0, MAX_WORD_CHARS)}>`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++)
      for (let i = 0; i + n <= marked.length; i++) add(`c:${marked.slice(i, i + n)}`);
  }
  stems.forEach((s, i) => {
    add(`w:${s}`);
    if (i > 0) add(`b:${stems[i - 1]} ${s}`);
  });
  return counts;
}

/** A sparse vector: feature indexes in increasing order and their values. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** Maps texts to TF-IDF vectors over a fixed vocabulary. */
export interface Vectorizer {
  /** Feature names, in index order. */
  features: string[];
  idf: Float32Array;
  vectorize(text: string): SparseVector;
}

export function createVectorizer(features: string[], idf: Float32Array): Vectorizer {
  const byName = new Map(features.map((f, i) => [f, i]));
  return {
    features,
    idf,
    vectorize(text) {
      const found: [number, number][] = [];
      for (const [feature, count] of rawFeatures(text)) {
        const i = byName.get(feature);
        // Sublinear term frequency: a repeated word says a little more, not twice as much.
        if (i !== undefined) found.push([i, (1 + Math.log(count)) * idf[i]!]);
      }
      found.sort((a, b) => a[0] - b[0]);
      const norm = Math.sqrt(found.reduce((sum, [, v]) => sum + v * v, 0)) || 1;
      return {
        index: Int32Array.from(found, ([i]) => i),
        value: Float32Array.from(found, ([, v]) => v / norm),
      };
    },
  };
}

/**
 * Learns the vocabulary and inverse document frequencies from the training texts. Features seen in fewer
 * than `minCount` texts are dropped: they cannot generalise, and they would make the model file large.
 */
export function fitVectorizer(texts: string[], minCount = 2): Vectorizer {
  const df = new Map<string, number>();
  for (const text of texts)
    for (const feature of rawFeatures(text).keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  const features = [...df.entries()]
    .filter(([, n]) => n >= minCount)
    .map(([f]) => f)
    .sort();
  const n = texts.length;
  const idf = Float32Array.from(features, (f) => Math.log((1 + n) / (1 + df.get(f)!)) + 1);
  return createVectorizer(features, idf);
}

/** Dot product of two sparse vectors (cosine similarity when both are L2-normalised). */
export function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.index.length && j < b.index.length;) {
    const ai = a.index[i]!;
    const bj = b.index[j]!;
    if (ai === bj) sum += a.value[i++]! * b.value[j++]!;
    else if (ai < bj) i++;
    else j++;
  }
  return sum;
}
