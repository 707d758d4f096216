import { correctToVocabulary, oneEditMatches, toTokenSet } from '../../src/core/search/spelling';

describe('spelling correction against the synonym vocabulary', () => {
  it.each([
    ['haked', 'hacked', true],
    ['recrods', 'records', true],
    ['tweeet', 'tweet', true],
    ['hacked', 'hacked', false],
    ['hack', 'hacked', false],
    ['record', 'accord', false],
  ])('%s and %s are one edit apart: %s', (a, b, expected) => {
    expect(oneEditMatches(toTokenSet([b]), a).includes(b)).toBe(expected);
  });

  const words = new Set(['hacked', 'records', 'facebook']);
  const vocabulary = { words, tokens: toTokenSet(words) };
  const guidelineUses = (word: string): boolean => word === 'account';

  it('corrects an unknown word to the vocabulary word one edit away', () => {
    expect(correctToVocabulary('our acount got haked', vocabulary, guidelineUses)).toBe(
      'our acount got hacked',
    );
  });

  it('leaves real English words, short words and words the guideline uses alone', () => {
    expect(correctToVocabulary('hacker backed my cords', vocabulary, guidelineUses)).toBe(
      'hacker backed my cords',
    );
    expect(correctToVocabulary('account', vocabulary, guidelineUses)).toBe('account');
  });
});
