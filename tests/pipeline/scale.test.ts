import { expect, test } from 'vitest';
import { paragraphsOf } from '../../src/pipeline/load-sources.ts';
import { summariseClassification } from '../../src/pipeline/classification-report.ts';
import { syntheticLines } from '../bench/synthetic-sources.ts';

// Performance is measured by `npm run bench` (its pipeline row), not here: this test only shows that
// a 50,000-line source, the worst case for pull-quote detection (almost every line a one-sentence
// candidate), goes through the whole pipeline and comes out whole. The timeout is generous because
// the test machines are shared.
test('a 50,000-line source goes through the whole pipeline', { timeout: 180_000 }, () => {
  const text = syntheticLines(50_000);
  const paragraphs = paragraphsOf(text);
  const lines = new Set(paragraphs.map((p) => p.line));
  expect(lines.size).toBe(50_000);
  expect(new Set(paragraphs.map((p) => p.anchor)).size).toBe(paragraphs.length);
  const summary = summariseClassification(paragraphs);
  expect(summary.lines).toEqual({ total: 50_000, article: 49_000, furniture: 1_000, comment: 0 });
  // The furniture is exactly the planted repeats (every 50th line from line 8): pull quotes of the
  // paragraph before them. The line repeated 2,000 times stays article text.
  const furniture = paragraphs.filter((p) => p.kind === 'furniture');
  expect(furniture.every((p) => p.role === 'pull-quote' && p.line % 50 === 8)).toBe(true);
  expect(paragraphs.filter((p) => p.text === 'The same line comes back again and again in this text.' && p.kind === 'article')).toHaveLength(2_000);
});
