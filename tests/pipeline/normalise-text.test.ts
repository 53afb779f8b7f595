import { expect, test } from 'vitest';
import { findOriginal, normaliseForMatch, sentences, words } from '../../src/pipeline/normalise-text.ts';

test.each([
  ['  a\u00a0 b\n c ', 'a b c'],
  ['“It’s” «x»', '"It\'s" "x"'],
  ['e\u0301', '\u00e9'],
])('normaliseForMatch(%j) = %j', (input, output) => {
  expect(normaliseForMatch(input)).toBe(output);
});

test.each([
  ['He said “it’s  over” today.', '"it\'s over"', '“it’s  over”'],
  ['Start.\u00a0 Next words here', 'Start. Next', 'Start.\u00a0 Next'],
  ['abc', 'abd', undefined],
  ['abc', '   ', undefined],
])('findOriginal(%j, %j) = %j', (text, needle, found) => {
  expect(findOriginal(text, needle)).toBe(found);
});

test('sentences and words', () => {
  expect(sentences('One here. Two “there.” 3 three? Yes')).toEqual(['One here.', 'Two "there."', '3 three?', 'Yes']);
  expect(words('Putin’s “big” war, 2022!')).toEqual(["putin's", 'big', 'war', '2022']);
});
