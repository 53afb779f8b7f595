import { describe, expect, test } from 'vitest';
import { measureSpeechAccuracy, loadAnnotation } from '../bench/speech-accuracy.ts';

// Regression floor against the hand annotation (tests/fixtures/speech/seeds-annotation.yaml),
// corrections off. Set just below the figures measured with `npm run speech:accuracy`
// (direct 46/46 precision, 46/48 recall; reported 45/45, 45/52; scare 7/9, 7/7).
describe('speech stage accuracy on the five seeds (hand annotation)', () => {
  const accuracy = measureSpeechAccuracy();

  test('every annotation key names exactly one article paragraph', () => {
    expect(accuracy.badKeys).toEqual([]);
    const count = Object.values(loadAnnotation()).flat().length;
    expect(count).toBeGreaterThan(60);
  });
  test('direct-quote speakers', () => {
    expect(accuracy.direct.gold).toBe(48);
    expect(accuracy.direct.precision).toBeGreaterThanOrEqual(0.97);
    expect(accuracy.direct.recall).toBeGreaterThanOrEqual(0.95);
  });
  test('reported-speech attribution', () => {
    expect(accuracy.reported.gold).toBe(52);
    expect(accuracy.reported.precision).toBeGreaterThanOrEqual(0.97);
    expect(accuracy.reported.recall).toBeGreaterThanOrEqual(0.85);
  });
  test('scare quotes', () => {
    expect(accuracy.scare.precision).toBeGreaterThanOrEqual(0.75);
    expect(accuracy.scare.recall).toBeGreaterThanOrEqual(0.95);
  });
});
