import type { SparseVector } from './features';

/**
 * Multinomial logistic regression (softmax) over sparse vectors. Weights are feature-major: the weights of
 * feature f for every class are `weights[f * classes .. f * classes + classes)`, so a sparse input touches
 * only its own rows.
 */
export interface SoftmaxModel {
  classes: number;
  weights: Float32Array;
  bias: Float32Array;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 regularisation strength, per example seen. */
  l2: number;
  seed: number;
}

export const TRAIN_DEFAULTS: TrainOptions = { epochs: 30, learningRate: 0.5, l2: 1e-5, seed: 15 };

/** Class probabilities for one input. */
export function probabilities(
  model: SoftmaxModel,
  x: SparseVector,
  out = new Float64Array(model.classes),
): Float64Array {
  const c = model.classes;
  for (let k = 0; k < c; k++) out[k] = model.bias[k]!;
  for (let j = 0; j < x.index.length; j++) {
    const row = x.index[j]! * c;
    const v = x.value[j]!;
    for (let k = 0; k < c; k++) out[k]! += v * model.weights[row + k]!;
  }
  return softmaxInPlace(out);
}

function softmaxInPlace(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k]! - max);
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
  return z;
}

/**
 * Stochastic gradient descent on the cross-entropy, in a seeded shuffled order, for a fixed number of
 * epochs with a decaying step: the same examples always give the same model. L2 decay is applied lazily
 * through one scale factor, so a step costs only the input's own features.
 */
export function trainSoftmax(
  inputs: SparseVector[],
  labels: number[],
  classes: number,
  featureCount: number,
  options: TrainOptions = TRAIN_DEFAULTS,
): SoftmaxModel {
  const weights = new Float64Array(featureCount * classes);
  const bias = new Float64Array(classes);
  const random = seededRandom(options.seed);
  const order = inputs.map((_, i) => i);
  const p = new Float64Array(classes);
  let scale = 1;
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = inputs[i]!;
      const rate = options.learningRate / (1 + (0.02 * t++) / Math.max(1, inputs.length / 10));
      for (let k = 0; k < classes; k++) p[k] = bias[k]!;
      for (let j = 0; j < x.index.length; j++) {
        const row = x.index[j]! * classes;
        const v = x.value[j]! * scale;
        for (let k = 0; k < classes; k++) p[k]! += v * weights[row + k]!;
      }
      softmaxInPlace(p);
      p[labels[i]!]! -= 1;
      scale *= 1 - rate * options.l2;
      for (let j = 0; j < x.index.length; j++) {
        const row = x.index[j]! * classes;
        const step = (rate * x.value[j]!) / scale;
        for (let k = 0; k < classes; k++) weights[row + k]! -= step * p[k]!;
      }
      for (let k = 0; k < classes; k++) bias[k]! -= rate * p[k]!;
      if (scale < 1e-6) {
        for (let w = 0; w < weights.length; w++) weights[w]! *= scale;
        scale = 1;
      }
    }
  }
  const final = new Float32Array(weights.length);
  for (let w = 0; w < weights.length; w++) final[w] = weights[w]! * scale;
  return { classes, weights: final, bias: Float32Array.from(bias) };
}

/** mulberry32: a small seeded generator, so training order is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(list: number[], random: () => number): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}
