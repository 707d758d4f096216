import { createVectorizer, fitVectorizer, type SparseVector, type Vectorizer } from './features';
import { probabilities, trainSoftmax, TRAIN_DEFAULTS, type SoftmaxModel, type TrainOptions } from './softmax';
import type { TrainingSet } from './training-set';

/** A trained classifier: texts in, class probabilities out. */
export interface IntentModel {
  classes: string[];
  vectorizer: Vectorizer;
  softmax: SoftmaxModel;
}

/**
 * Trains the classifier. `extraTexts` (the passages' own text) shape the vocabulary and its weights, so
 * questions can be compared with passages in the same space, but are not examples of any class.
 */
export function trainModel(
  set: TrainingSet,
  extraTexts: string[] = [],
  options: TrainOptions = TRAIN_DEFAULTS,
): IntentModel {
  const vectorizer = fitVectorizer([...set.texts, ...extraTexts]);
  const inputs = set.texts.map((t) => vectorizer.vectorize(t));
  const softmax = trainSoftmax(inputs, set.labels, set.classes.length, vectorizer.features.length, options);
  return { classes: set.classes, vectorizer, softmax };
}

/** Every class with its probability, most likely first. */
export function classify(model: IntentModel, x: SparseVector): { name: string; p: number }[] {
  return ranked(model, probabilities(model.softmax, x));
}

/** The classes with their probabilities `p` (in class order), most likely first. */
export function ranked(model: IntentModel, p: Float64Array): { name: string; p: number }[] {
  return model.classes.map((name, i) => ({ name, p: p[i]! })).sort((a, b) => b.p - a.p);
}

/** The model as plain JSON: numbers as base64 little-endian float32, which is compact and loads fast. */
export interface ModelJson {
  classes: string[];
  features: string[];
  idf: string;
  weights: string;
  bias: string;
}

export function modelToJson(model: IntentModel): ModelJson {
  const b64 = (a: Float32Array): string =>
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return {
    classes: model.classes,
    features: model.vectorizer.features,
    idf: b64(model.vectorizer.idf),
    weights: b64(model.softmax.weights),
    bias: b64(model.softmax.bias),
  };
}

export function modelFromJson(json: ModelJson): IntentModel {
  const floats = (s: string): Float32Array => {
    const bytes = Buffer.from(s, 'base64');
    const copy = new Uint8Array(bytes); // aligned copy
    return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
  };
  const idf = floats(json.idf);
  const weights = floats(json.weights);
  const bias = floats(json.bias);
  const classes = json.classes.length;
  if (
    idf.length !== json.features.length ||
    bias.length !== classes ||
    weights.length !== classes * idf.length
  )
    throw new Error('the model file is damaged: its sizes do not agree');
  return {
    classes: json.classes,
    vectorizer: createVectorizer(json.features, idf),
    softmax: { classes, weights, bias },
  };
}
