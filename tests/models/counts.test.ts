import { expect, test } from 'vitest';
import { capitalise, counted, countWord, publishedSpan } from '../../src/models/counts.ts';

test('counts in words up to twelve, digits beyond', () => {
  expect([0, 1, 4, 5, 12, 13, 1000].map(countWord)).toEqual(['no', 'one', 'four', 'five', 'twelve', '13', '1,000']);
  expect(counted(1, 'thesis', 'theses')).toBe('one thesis');
  expect(capitalise(counted(5, 'thesis', 'theses'))).toBe('Five theses');
  expect(counted(2, 'text')).toBe('two texts');
});

test('the span of publication dates', () => {
  expect(publishedSpan(['2025-12-01', undefined, '2021-12-28', '2025-03-22'])).toBe(' dated between December 2021 and December 2025 (one undated)');
  expect(publishedSpan(['2025-05-01', '2025-05-30'])).toBe(' dated May 2025');
  expect(publishedSpan([undefined])).toBe('');
});
