/** "Did you mean …?": the vocabulary a build writes, and the nearest word for a misspelt query. */
import { expect, test } from 'vitest';
import { distance, suggest, vocabularyOf } from '../../src/models/search-vocabulary.ts';

test('the vocabulary: words of four letters or more, most frequent first, in their most common spelling', () => {
  expect(vocabularyOf(['NATO and NATO, Kaliningrad; the nato', 'Kaliningrad Putin Putin Putin'])).toEqual(['NATO', 'Putin', 'Kaliningrad']); // NATO and Putin three times each: alphabetical
});

test('edit distance counts a swap of neighbours as one edit and stops early', () => {
  expect(distance('kaliningard', 'kaliningrad', 2)).toBe(1);
  expect(distance('opportunst', 'opportunist', 2)).toBe(1);
  expect(distance('abc', 'xyz', 1)).toBe(2);
});

test('a misspelt word gets the nearest word of the vocabulary; a known or short word is left alone', () => {
  const words = ['Putin', 'Ukraine', 'Kaliningrad', 'opportunist', 'NATO'];
  expect(suggest('Kaliningard', words)).toBe('Kaliningrad');
  expect(suggest('Putn opportunst', words)).toBe('Putin opportunist');
  expect(suggest('Putin', words)).toBeUndefined();
  expect(suggest('zzzzzzzz', words)).toBeUndefined();
  expect(suggest('the', words)).toBeUndefined();
});
