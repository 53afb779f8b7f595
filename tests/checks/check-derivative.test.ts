import { describe, expect, test } from 'vitest';
import { checkDerivative, isDerivativeProblem, reasonTooShort, type DerivativeInput } from '../../src/checks/check-derivative.ts';

const original = { id: 'trenin-2021' };
const translation = { id: 'trenin-2021-ru', derivedFrom: 'trenin-2021', derivation: 'translation' };
const unnamed = { id: 'copy', derivedFrom: 'trenin-2021' };
const counterpart = { original: 'trenin-2021', anchors: ['p-a', 'p-b'], relation: 'merged' as const };
const originalN = (anchor: string) => ({ 'p-a': 4, 'p-b': 5 })[anchor];

describe('checkDerivative', () => {
  test.each<[string, DerivativeInput, ReturnType<typeof checkDerivative>]>([
    ['an original, no reason: nothing to show', { source: original, n: 3 }, {}],
    ['a derivative paragraph of its own (no counterpart), no reason', { source: translation, n: 3 }, { derivation: 'translation' }],
    ['a derivative paragraph of its own, with a reason', { source: translation, n: 3, derivative: 'the translation adds a note' }, { derivation: 'translation', derivativeReason: 'the translation adds a note' }],
    ['a derivative paragraph from its original, with a reason', { source: translation, n: 3, counterpart, originalN, derivative: 'only the translation survives online' }, { derivation: 'translation', derivativeReason: 'only the translation survives online' }],
    ['a derivative without a named derivation is a "derivative"', { source: unnamed, n: 2 }, { derivation: 'derivative' }],
  ])('%s', (_, input, expected) => expect(checkDerivative(input)).toEqual(expected));

  test.each<[string, DerivativeInput, RegExp]>([
    ['a reason for a source that is no derivative', { source: original, n: 3, derivative: 'it reads better here' }, /^derivative="…" is only for a source made from another source of this site, and trenin-2021 is not/],
    ['a derivative paragraph from its original, without a reason', { source: translation, n: 3, counterpart, originalN }, /^trenin-2021-ru is a translation of trenin-2021, and this paragraph \(¶3\) comes from its ¶4 p-a and ¶5 p-b \(merged\): cite trenin-2021 there/],
    ['an original paragraph the message cannot number', { source: unnamed, n: 2, counterpart }, /comes from its ¶\? p-a and ¶\? p-b .*say why the derivative itself is cited/],
  ])('refused: %s', (_, input, message) => {
    const result = checkDerivative(input);
    expect(isDerivativeProblem(result)).toBe(true);
    expect(result).toMatchObject({ rule: 'derivative-cited', message: expect.stringMatching(message) });
  });
});

describe('reasonTooShort', () => {
  test.each([
    ['', true],
    [' ', true],
    ['derivative', true],
    ['only online', true],
    ['only the translation', false],
    ["the rewrite's own words", false],
    ['re-published with notes', false],
    ['— — —', true],
  ])('%j: %s', (reason, expected) => expect(reasonTooShort(reason)).toBe(expected));
});
