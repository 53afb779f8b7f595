import { describe, expect, test } from 'vitest';
import { measureDates } from '../bench/dates-accuracy.ts';

// Regression floor against the hand annotation (tests/fixtures/dates/seeds-annotation.yaml, written and
// committed before the stage existed). Measured with `npm run dates:accuracy` on 2026-12-07: 57 annotated,
// 57 found, 57 matched (precision and recall 100%); every matched mention agrees on end, explicit,
// resolvedFrom, inferred, bound and speaker. The same person wrote the annotation and the stage, so
// these are development figures, not held-out ones (README "Dates").
describe('dates stage accuracy on the five seeds (hand annotation)', () => {
  const r = measureDates();
  test('every annotation key names exactly one article paragraph and its words are in it', () =>
    expect(r.badKeys).toEqual([]));
  test('precision and recall', () => {
    expect(r.gold).toBe(57);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
  });
  test('fields of matched mentions', () => {
    for (const [k, v] of Object.entries(r.fields)) expect(v.agree / v.total, k).toBeGreaterThanOrEqual(0.9);
  });
});
