import { isEnglishWord } from '../../src/core/search/english-words';

describe('the English word list', () => {
  it('knows English words, from the first to the last of the list, and nothing else', () => {
    for (const word of ['a', 'aa', 'tweet', 'courts', 'photograph', 'zyzzyva'])
      expect(isEnglishWord(word)).toBe(true);
    for (const word of ['', 'courtt', 'vpnn', 'tweet ', 'Tweet', 'zzzzzzzz', '0'])
      expect(isEnglishWord(word)).toBe(false);
  });
});
