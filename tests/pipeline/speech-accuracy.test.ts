import { describe, expect, test } from 'vitest';
import { measureSpeechAccuracy, loadAnnotation, narrationViolations } from '../bench/speech-accuracy.ts';

// Regression floor against the hand annotation (tests/fixtures/speech/seeds-annotation.yaml, corrected
// span by span after the outside review), corrections off. Set just below the figures measured with
// `npm run speech:accuracy -- --holders` on 2026-12-07: direct 46/46 precision, 46/48 recall; reported
// 44/45, 44/61; scare 7/9, 7/7; holder type 89/90, inferred 90/90.
describe('speech stage accuracy on the five seeds (hand annotation)', () => {
  const accuracy = measureSpeechAccuracy();

  // badKeys also lists malformed optional fields (holder, inferred, a reported item with
  // neither cue nor words) and narration words that are not in their paragraph.
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
    // 52 before the review's corrections (ed-annot): +11 statements the annotation had missed, −1 (polls, evidence not speech), −1 (the Kremlin's "view", CNN's gloss).
    expect(accuracy.reported.gold).toBe(61);
    expect(accuracy.reported.precision).toBeGreaterThanOrEqual(0.95);
    expect(accuracy.reported.recall).toBeGreaterThanOrEqual(0.7);
  });
  test('scare quotes', () => {
    expect(accuracy.scare.precision).toBeGreaterThanOrEqual(0.75);
    expect(accuracy.scare.recall).toBeGreaterThanOrEqual(0.95);
  });
  test('holder types and inferred speakers', () => {
    expect(accuracy.fields.holder.total).toBeGreaterThan(80);
    expect(accuracy.fields.holder.agree / accuracy.fields.holder.total).toBeGreaterThanOrEqual(0.95);
    expect(accuracy.fields.inferred.agree / accuracy.fields.inferred.total).toBeGreaterThanOrEqual(0.95);
  });
});

describe('narration words in the annotation', () => {
  const text = 'Trump has claimed that Russia holds all the cards, even though the war is deadlocked.';
  const cut = text.indexOf(', even');
  test('a phrase a reported span covers is a violation; one left as narration is not', () => {
    const over = [{ kind: 'reported' as const, start: 0, end: text.length }];
    const right = [
      { kind: 'reported' as const, start: 0, end: cut },
      { kind: 'narration' as const, start: cut, end: text.length },
    ];
    expect(narrationViolations(text, over, ['even though the war'])).toEqual([over[0]]);
    expect(narrationViolations(text, right, ['even though the war'])).toEqual([null]);
  });
  test('a phrase not in the text is reported as not found', () => {
    expect(narrationViolations(text, [], ['nowhere'])).toEqual([undefined]);
  });
  test('the annotation uses only the documented optional fields and values', () => {
    const holders = new Set(['person', 'group', 'body', 'outlet']);
    for (const list of Object.values(loadAnnotation()))
      for (const g of list) {
        for (const item of [...(g.direct ?? []), ...(g.reported ?? [])]) {
          if (item.holder !== undefined) expect(holders.has(item.holder)).toBe(true);
          if (item.inferred !== undefined) expect(item.inferred).toBe(true);
        }
        for (const n of g.narration ?? []) expect(n.words.length).toBeGreaterThan(3);
      }
  });
});
