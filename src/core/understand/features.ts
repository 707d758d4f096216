import { stem, words } from '../search/text';

/** Character n-grams are taken within words from this length to that one, "<" and ">" marking the ends. */
const MIN_GRAM = 3;
const MAX_GRAM = 5;
// Longer "words" (pasted links, hashes) add n-grams nobody else shares: they are cut to this length.
const MAX_WORD_CHARS = 40;

/** A feature's kind, the prefix of its name: a character n-gram, a stemmed word, or a stemmed word pair. */
type FeatureKind = 'c' | 'w' | 'b';

/**
 * The raw features of a text, each once per occurrence, as kind and key (the name is "kind:key"): character
 * 3-5-grams within words (misspellings and word forms still share most of them), stemmed words, and stemmed
 * word pairs (word order: "who approves").
 */
function eachFeature(text: string, visit: (kind: FeatureKind, key: string) => void): void {
  const list = words(text);
  for (const word of list) {
    const marked = `<${word.slice(0, MAX_WORD_CHARS)}>`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++)
      for (let i = 0; i + n <= marked.length; i++) visit('c', marked.slice(i, i + n));
  }
  const stems = list.map((w) => stem(w));
  stems.forEach((s, i) => {
    visit('w', s);
    if (i > 0) visit('b', `${stems[i - 1]} ${s}`);
  });
}

/** The raw features of a text and how often each occurs. */
export function rawFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  eachFeature(text, (kind, key) => {
    const feature = `${kind}:${key}`;
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
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
  // Feature indexes by kind and key, so a text's features are looked up without making their names.
  const byKind = { c: new Map<string, number>(), w: new Map<string, number>(), b: new Map<string, number>() };
  features.forEach((name, i) => byKind[name[0] as FeatureKind].set(name.slice(2), i));
  // Counts by feature index, kept between calls (all zero again after each): only features in the
  // vocabulary are counted, and no map of the text's own features is made.
  const counts = new Uint32Array(features.length);
  const seen: number[] = [];
  return {
    features,
    idf,
    vectorize(text) {
      seen.length = 0;
      eachFeature(text, (kind, key) => {
        const i = byKind[kind].get(key);
        if (i !== undefined && counts[i]!++ === 0) seen.push(i);
      });
      const index = new Int32Array(seen).sort();
      const found = index.length;
      const value = new Float32Array(found);
      const weights = new Float64Array(found);
      let sumOfSquares = 0;
      for (let k = 0; k < found; k++) {
        const i = index[k]!;
        // Sublinear term frequency: a repeated word says a little more, not twice as much.
        const v = (1 + Math.log(counts[i]!)) * idf[i]!;
        counts[i] = 0;
        weights[k] = v;
        sumOfSquares += v * v;
      }
      const norm = Math.sqrt(sumOfSquares) || 1;
      for (let k = 0; k < found; k++) value[k] = weights[k]! / norm;
      return { index, value };
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

/** Many sparse vectors stored by feature (an inverted index): one vector's dot product with all of them. */
export interface VectorsByFeature {
  count: number;
  /** The dot product of `x` with each stored vector, in the order given; costs only x's own features. */
  dotAll(x: SparseVector): Float64Array;
}

export function byFeature(vectors: SparseVector[], featureCount: number): VectorsByFeature {
  // start[f] .. start[f + 1]: which vectors have feature f (row) and their value there.
  const start = new Int32Array(featureCount + 1);
  for (const v of vectors) for (const f of v.index) start[f + 1]!++;
  for (let f = 0; f < featureCount; f++) start[f + 1]! += start[f]!;
  const row = new Int32Array(start[featureCount]!);
  const value = new Float32Array(row.length);
  const filled = start.slice(0, featureCount);
  vectors.forEach((v, r) => {
    for (let j = 0; j < v.index.length; j++) {
      const at = filled[v.index[j]!]!++;
      row[at] = r;
      value[at] = v.value[j]!;
    }
  });
  const count = vectors.length;
  return {
    count,
    dotAll(x) {
      // Each sum adds the same products in the same (feature) order as dot() does: the same result.
      const out = new Float64Array(count);
      for (let j = 0; j < x.index.length; j++) {
        const f = x.index[j]!;
        const xv = x.value[j]!;
        for (let at = start[f]!; at < start[f + 1]!; at++) out[row[at]!]! += xv * value[at]!;
      }
      return out;
    },
  };
}
