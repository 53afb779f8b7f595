import { describe, expect, test } from 'vitest';
import { checkAttribution, holderIndex, namesMatch, voicesOf } from '../../src/checks/check-attribution.ts';
import type { SpeechSpan } from '../../src/pipeline/speech.ts';

const text = '“Putin is an opportunist,” said Mark Galeotti. A ceasefire means quick wins, he said.';
const span = (kind: SpeechSpan['kind'], speaker: string | null, from: string, to: string, cue: string | null = null): SpeechSpan => {
  const start = text.indexOf(from);
  const end = text.indexOf(to) + to.length;
  return { kind, speaker, cue, start, end, text: text.slice(start, end) };
};
const spans: SpeechSpan[] = [
  span('direct', 'Mark Galeotti', '“Putin', 'opportunist,”', 'said'),
  span('narration', 'Ivana Kottasová', ' said Mark', 'Galeotti. '),
  span('reported', 'Mark Galeotti', 'A ceasefire', 'he said.', 'he said'),
];
const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe('names', () => {
  test.each([
    ['Galeotti', 'Mark Galeotti', true],
    ['mark galeotti', 'Mark Galeotti', true],
    ['Mark Galeotti', 'Galeotti', true],
    ['Institute for the Study of War', 'the Institute for the Study of War', true],
    ['Mark', 'Mark Galeotti', false],
    ['Soldatov', 'Mark Galeotti', false],
    ['', 'Mark Galeotti', false],
  ])('%s names %s: %s', (by, speaker, expected) => expect(namesMatch(by, speaker)).toBe(expected));
  test('an alias names its speaker, whichever of the two names is the alias', () => {
    const aliases = new Map([['the russian president', 'Vladimir Putin'], ['the russian leader', 'Vladimir Putin']]);
    expect(namesMatch('the Russian president', 'Vladimir Putin', aliases)).toBe(true);
    expect(namesMatch('Putin', 'the Russian leader', aliases)).toBe(true);
    expect(namesMatch('Putin', 'the Russian leader')).toBe(false);
  });
});

test('touching punctuation is not a voice', () => {
  const { start, end } = at('Putin is an opportunist,” said');
  expect(voicesOf(spans, start, end - ' said'.length).map((s) => s.kind)).toEqual(['direct']);
  expect(voicesOf(spans, start, end).map((s) => s.kind)).toEqual(['direct', 'narration']);
});

describe('checks', () => {
  const check = (kind: 'cite' | 'quote', words: string, by?: string) =>
    checkAttribution({ kind, by, spans, ...at(words), narrator: 'Ivana Kottasová' });
  test('a direct quote with its speaker passes and names them', () => expect(check('quote', 'Putin is an opportunist', 'Galeotti')).toEqual({ speaker: 'Mark Galeotti', kind: 'direct' }));
  test('a direct quote without by', () => expect(check('quote', 'Putin is an opportunist')).toMatchObject({ rule: 'attribution-missing' }));
  test('a direct quote given to another', () => expect(check('quote', 'Putin is an opportunist', 'Soldatov')).toMatchObject({ rule: 'attribution-wrong' }));
  test('a paraphrase quoted as its subject’s words', () =>
    expect(check('quote', 'A ceasefire means quick wins', 'Galeotti')).toMatchObject({
      rule: 'attribution-paraphrase',
      message: expect.stringContaining('reported speech of Mark Galeotti, cue "he said"'),
    }));
  test('the same paraphrase quoted as the author’s words', () => {
    expect(check('quote', 'A ceasefire means quick wins')).toEqual({});
    expect(check('quote', 'A ceasefire means quick wins', 'Kottasová')).toEqual({ speaker: 'Ivana Kottasová', kind: 'narration' });
  });
  test('words across two voices', () => expect(check('quote', 'opportunist,” said Mark Galeotti', 'Galeotti')).toMatchObject({ rule: 'attribution-straddle' }));
  test('a Cite by its holder passes, by another fails', () => {
    expect(check('cite', 'quick wins', 'Galeotti')).toEqual({ speaker: 'Mark Galeotti', kind: 'reported' });
    expect(check('cite', 'quick wins', 'Soldatov')).toMatchObject({ rule: 'attribution-wrong' });
    expect(check('cite', 'said Mark Galeotti', 'Galeotti')).toMatchObject({ rule: 'attribution-wrong' });
  });
  test('a Cite without by is only a locator', () => expect(check('cite', 'Putin is an opportunist')).toEqual({}));
});

describe('who a by names', () => {
  const holders = holderIndex([
    { name: 'Mark Galeotti', holder: 'Mark Galeotti' },
    { name: 'Galeotti', holder: 'Mark Galeotti' },
    { name: 'Vladimir Putin', holder: 'Vladimir Putin' },
    { name: 'Russian President Vladimir Putin', holder: 'Russian President Vladimir Putin' },
    { name: 'Anna Reed', holder: 'Anna Reed' },
    { name: 'Tomas Reed', holder: 'Tomas Reed' },
    { name: 'he', holder: 'he' },
  ]);
  test.each([
    ['Galeotti', ['Mark Galeotti']],
    ['the Mark Galeotti', ['Mark Galeotti']],
    ['Putin', ['Vladimir Putin']],
    ['Vladimir Putin and Mark Galeotti', []],
    ['Putin and Galeotti', []],
    ['the analyst Mark Galeotti', []],
    ['Reed', ['Anna Reed', 'Tomas Reed']],
    ['he', []],
  ])('%s names %j', (by, expected) => expect(holders(by)).toEqual(expected));

  const check = (kind: 'cite' | 'quote', words: string, by: string) =>
    checkAttribution({ kind, by, spans, ...at(words), narrator: 'Ivana Kottasová', holders });
  test.each(['he', 'she', 'They'])('by="%s" is never a holder', (by) =>
    expect(check('quote', 'Putin is an opportunist', by)).toMatchObject({ rule: 'attribution-by-pronoun', message: expect.stringContaining('by="Mark Galeotti"') }));
  test.each(['Vladimir Putin and Mark Galeotti', 'Putin and Galeotti', 'the analyst Mark Galeotti'])('by="%s" fails: one holder, no other words', (by) =>
    expect(check('quote', 'Putin is an opportunist', by)).toMatchObject({ rule: 'attribution-by-not-one-holder' }));
  test('a speaker the stage left as a pronoun is unknown, never suggested as by', () => {
    const he: SpeechSpan[] = [{ ...spans[0]!, speaker: 'he' }, spans[1]!, spans[2]!];
    const r = checkAttribution({ kind: 'quote', spans: he, ...at('Putin is an opportunist') });
    expect(r).toMatchObject({ rule: 'attribution-unknown' });
    expect(JSON.stringify(r)).not.toContain('by=\\"he\\"');
    expect(checkAttribution({ kind: 'quote', by: 'he', spans: he, ...at('Putin is an opportunist') })).toMatchObject({ rule: 'attribution-by-pronoun' });
  });
});
