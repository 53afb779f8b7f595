import { expect, test } from 'vitest';
import { assembleEvidence, blockCounts, groupBlocks, isLongSource, LONG_SOURCE, thesisNeighbours, thesisContents, sourceFilter, SOURCE_OPTIONS } from '../../src/models/page-models.ts';

const b = (kind: string, role: string, anchor: string) => ({ kind, role, anchor });
const blocks = [
  b('furniture', 'header', 'f1'),
  b('furniture', 'header', 'f2'),
  b('article', 'paragraph', 'p1'),
  b('article', 'heading', 'h1'),
  b('article', 'paragraph', 'p2'),
  b('furniture', 'pull-quote', 'f3'),
  b('furniture', 'link-list', 'f4'),
  b('article', 'paragraph', 'p3'),
  b('comment', 'comment', 'c1'),
  b('comment', 'comment', 'c2'),
];

test('blocks group by kind, and furniture also by role, in file order', () => {
  expect(groupBlocks(blocks).map((g) => [g.kind, g.role, g.blocks.map((x) => x.anchor).join(',')])).toEqual([
    ['furniture', 'header', 'f1,f2'],
    ['article', 'paragraph', 'p1,h1,p2'],
    ['furniture', 'pull-quote', 'f3'],
    ['furniture', 'link-list', 'f4'],
    ['article', 'paragraph', 'p3'],
    ['comment', 'comment', 'c1,c2'],
  ]);
  expect(groupBlocks([])).toEqual([]);
});

test('counts leave subheadings out of the article paragraphs', () => {
  expect(blockCounts(blocks)).toEqual({ article: 3, furniture: 4, comment: 2 });
});

test('a source is long past the threshold, not at it', () => {
  expect(isLongSource(Array.from({ length: LONG_SOURCE }))).toBe(false);
  expect(isLongSource(Array.from({ length: LONG_SOURCE + 1 }))).toBe(true);
});

test('evidence: sources by first citation, paragraphs in source order, each with its markers', () => {
  const sources = new Map([
    ['a', { data: { paragraphs: [b('article', 'paragraph', 'a1'), b('article', 'paragraph', 'a2'), b('article', 'paragraph', 'a3')] } }],
    ['z', { data: { paragraphs: [b('article', 'paragraph', 'z1')] } }],
  ]);
  const cites = [
    { id: 'cite-1', source: 'z', anchor: 'z1' },
    { id: 'cite-2', source: 'a', anchor: 'a3' },
    { id: 'cite-3', source: 'a', anchor: 'a1' },
    { id: 'cite-4', source: 'a', anchor: 'a3' },
  ];
  const ev = assembleEvidence(cites, sources);
  expect(ev.map((e) => [e.id, e.paragraphs.map((p) => [p.paragraph.anchor, p.markers.map((m) => m.id)])])).toEqual([
    ['z', [['z1', ['cite-1']]]],
    ['a', [['a1', ['cite-3']], ['a3', ['cite-2', 'cite-4']]]],
  ]);
  expect(() => assembleEvidence([{ source: 'nope', anchor: 'x' }], sources)).toThrow(/source "nope"/);
});

test('a thesis position and its neighbours count from the collection, not from its order value', () => {
  const theses = [{ id: 'c', data: { order: 30 } }, { id: 'a', data: { order: 5 } }, { id: 'b', data: { order: 9 } }];
  const [a, b, c] = [theses[1], theses[2], theses[0]];
  expect(thesisNeighbours(theses, 'b')).toEqual({ position: 2, total: 3, previous: a, next: c });
  expect(thesisNeighbours(theses, 'c')).toEqual({ position: 3, total: 3, previous: b, next: undefined });
  expect(thesisNeighbours(theses, 'a')).toEqual({ position: 1, total: 3, previous: undefined, next: b });
});

test('the contents of a thesis: sections, each with its subsections; h4 and deeper left out', () => {
  const headings = [
    { depth: 2, slug: 'in-brief', text: 'In brief' },
    { depth: 2, slug: 'disagree', text: 'Where the sources disagree' },
    { depth: 3, slug: 'crimea', text: 'Crimea' },
    { depth: 4, slug: 'deep', text: 'Deep' },
    { depth: 3, slug: 'minsk', text: 'Minsk' },
  ];
  expect(thesisContents(headings)).toEqual([
    { slug: 'in-brief', text: 'In brief', children: [] },
    { slug: 'disagree', text: 'Where the sources disagree', children: [{ slug: 'crimea', text: 'Crimea' }, { slug: 'minsk', text: 'Minsk' }] },
  ]);
});

test('the search page writes every source as a filter option while they are few, and none past SOURCE_OPTIONS', () => {
  expect(sourceFilter(['Trenin', 'Israel', 'Trenin', 'Kirichenko'])).toEqual({ options: ['Israel', 'Kirichenko', 'Trenin'], onDemand: false });
  const many = Array.from({ length: SOURCE_OPTIONS + 1 }, (_, i) => `Source ${i}`);
  expect(sourceFilter(many)).toEqual({ options: [], onDemand: true });
  expect(sourceFilter(many.slice(1)).options).toHaveLength(SOURCE_OPTIONS);
});
