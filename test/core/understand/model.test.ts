import { createVectorizer, dot, fitVectorizer, rawFeatures } from '../../../src/core/understand/features';
import { classify, modelFromJson, modelToJson, trainModel } from '../../../src/core/understand/model';
import { probabilities, trainSoftmax } from '../../../src/core/understand/softmax';

const SET = {
  classes: ['greeting', 'photos', 'records'],
  texts: [
    'hi there',
    'hello',
    'good morning',
    'can i post a photo of a kid',
    'pictures of people at our event',
    'is a photo of the crowd ok',
    'do i keep tweets as records',
    'are facebook comments records',
    'how long do we keep our posts',
  ],
  labels: [0, 0, 0, 1, 1, 1, 2, 2, 2],
};

describe('features', () => {
  it('are character 3-5-grams within marked words, stemmed words and stemmed word pairs', () => {
    const features = [...rawFeatures('Posting photos').keys()];
    expect(features).toEqual(
      expect.arrayContaining(['c:<po', 'c:ost', 'c:<post', 'c:tos>', 'w:post', 'w:photo', 'b:post photo']),
    );
    expect(features).not.toContain('c:g p'); // never across words
  });

  it('are TF-IDF weighted and L2-normalised, over the fitted vocabulary only', () => {
    const vectorizer = fitVectorizer(SET.texts);
    const x = vectorizer.vectorize('photo of a kid zzqx');
    expect(dot(x, x)).toBeCloseTo(1, 5);
    expect(vectorizer.features.some((f) => f.includes('zzqx'))).toBe(false);
    expect([...x.index]).toEqual([...x.index].sort((a, b) => a - b));
    expect(vectorizer.vectorize('').index.length).toBe(0);
    const copy = createVectorizer(vectorizer.features, vectorizer.idf);
    expect(copy.vectorize('photo of a kid')).toEqual(vectorizer.vectorize('photo of a kid'));
  });
});

describe('the softmax model', () => {
  it('trains to the same weights every time (seeded order, fixed epochs)', () => {
    const a = modelToJson(trainModel(SET));
    const b = modelToJson(trainModel(SET));
    expect(a).toEqual(b);
    const other = modelToJson(trainModel(SET, [], { epochs: 30, learningRate: 0.5, l2: 1e-5, seed: 99 }));
    expect(other.weights).not.toEqual(a.weights);
  });

  it('gives probabilities that sum to 1 and favour the right class on new wording', () => {
    const model = trainModel(SET);
    for (const [text, expected] of [
      ['hey, good morning', 'greeting'],
      ['can we post pictures of kids', 'photos'],
      ['should comments be kept as records', 'records'],
    ] as const) {
      const ranked = classify(model, model.vectorizer.vectorize(text));
      expect(ranked.reduce((sum, r) => sum + r.p, 0)).toBeCloseTo(1, 6);
      expect(ranked[0]!.name).toBe(expected);
      expect(ranked[0]!.p).toBeGreaterThan(0.4);
    }
  });

  it('survives a round trip through its file form', () => {
    const model = trainModel(SET);
    const loaded = modelFromJson(
      JSON.parse(JSON.stringify(modelToJson(model))) as ReturnType<typeof modelToJson>,
    );
    const x = model.vectorizer.vectorize('photos of people');
    expect(classify(loaded, loaded.vectorizer.vectorize('photos of people'))).toEqual(classify(model, x));
    const damaged = {
      ...modelToJson(model),
      bias: Buffer.from(new Float32Array(1).buffer).toString('base64'),
    };
    expect(() => modelFromJson(damaged)).toThrow('the model file is damaged');
  });

  it('learns a separable problem: one feature per class', () => {
    const x = (i: number) => ({ index: Int32Array.of(i), value: Float32Array.of(1) });
    const model = trainSoftmax([x(0), x(1), x(2)], [0, 1, 2], 3, 3);
    for (const i of [0, 1, 2]) {
      const p = probabilities(model, x(i));
      expect(p.indexOf(Math.max(...p))).toBe(i);
    }
  });
});
