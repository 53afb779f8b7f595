import { expect, test } from 'vitest';
import { citingSentence } from '../../src/checks/citing-sentence.ts';

const cite = (text: string) => citingSentence(text.replace('|', ''), text.indexOf('|'));

test('a marker right after a sentence cites that sentence', () => {
  expect(cite('First claim here. Second claim there.| Third one.')).toBe('Second claim there.');
  expect(cite('Only one sentence.|')).toBe('Only one sentence.');
});

test('a marker inside a sentence belongs to the whole sentence around it', () => {
  expect(cite('Intro. Galeotti calls Putin an opportunist | and says more. Next.')).toBe('Galeotti calls Putin an opportunist and says more.');
});

test('line breaks and runs of space are tidied', () => {
  expect(cite('He read the package\nas an opening bid.|')).toBe('He read the package as an opening bid.');
});

test('no space is left before punctuation where a marker stood', () => {
  expect(cite('He asked for a halt\u00a0| , a freeze and more.')).toBe('He asked for a halt, a freeze and more.');
});
