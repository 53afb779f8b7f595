import { expect, test } from 'vitest';
import { coverage, formatCoverage, type CoverageSource } from '../../src/models/coverage.ts';

const para = (anchor: string, n: number, text: string, role = 'paragraph', kind = 'article') => ({ anchor, n, kind, role, text });
const sources: CoverageSource[] = [
  {
    id: 'orig',
    title: 'Original',
    derivative: false,
    paragraphs: [
      para('h', 1, 'A heading', 'heading'),
      para('a', 1, 'First paragraph of the original with more than eight words in it.'),
      para('b', 2, 'Second paragraph.'),
      para('c', 3, 'Third paragraph.'),
      para('f', 1, 'Furniture line.', 'header', 'furniture'),
    ],
  },
  { id: 'copy', title: 'Copy', derivative: true, paragraphs: [para('x', 1, 'Copied paragraph.')] },
];

test('counts article paragraphs (not headings or furniture), per thesis, and the share of originals only', () => {
  const c = coverage(sources, [
    { thesis: 't1', source: 'orig', anchor: 'a' },
    { thesis: 't2', source: 'orig', anchor: 'a' },
    { thesis: 't1', source: 'orig', anchor: 'a' },
    { thesis: 't2', source: 'orig', anchor: 'c' },
    { thesis: 't1', source: 'copy', anchor: 'x' },
  ]);
  expect(c.sources[0]!.paragraphs.map((p) => [p.anchor, p.citedBy])).toEqual([
    ['a', ['t1', 't2']],
    ['b', []],
    ['c', ['t2']],
  ]);
  expect(c.originals).toEqual({ cited: 2, total: 3, share: 2 / 3 });
  expect(c.sources[1]).toMatchObject({ derivative: true, cited: 1, total: 1 });
});

test('the report lists uncited paragraphs with their first words', () => {
  const text = formatCoverage(coverage(sources, [{ thesis: 't1', source: 'orig', anchor: 'a' }]));
  expect(text.split('\n')).toEqual([
    'orig: 1 of 3 article paragraphs cited (33%)',
    '  ¶1   t1',
    '  ¶2   UNCITED  Second paragraph.',
    '  ¶3   UNCITED  Third paragraph.',
    'copy (derivative: not counted): 0 of 1 article paragraphs cited (0%)',
    '  ¶1   UNCITED  Copied paragraph.',
    'Original sources: 1 of 3 article paragraphs cited (33%)',
  ]);
});

test('a source says what kind of text it is, from its manifest entry', async () => {
  const { describeKind } = await import('../../src/models/source-kind.ts');
  const cnn = { id: 'cnn', title: 'What he wants', genre: 'news-analysis' };
  const byId = new Map([['cnn', cnn]]);
  expect(describeKind({ id: 'op', title: 'x', genre: 'opinion' }, byId)).toBe('Opinion essay');
  expect(describeKind({ id: 'r', title: 'x', genre: 'news-analysis', derivation: 'rewrite', derivedFrom: 'cnn' }, byId)).toBe('News analysis: a rewrite of “What he wants”');
  expect(describeKind({ id: 't', title: 'x', genre: 'essay', derivation: 'republication' }, byId)).toBe('Essay: a republication (its original is not among these sources)');
  expect(describeKind({ id: 'u', title: 'x' }, byId)).toBe('Text');
});
