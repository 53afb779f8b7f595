/** Provenance on source pages (src/models/provenance.ts): per-paragraph notes and the SourceMeta lines. */
import { describe, expect, test } from 'vitest';
import type { Alignment } from '../../src/pipeline/align.ts';
import { corpusIndex, provenanceNotes, sourceProvenance, type CorpusEntry } from '../../src/models/provenance.ts';
import type { ViewParagraph } from '../../src/models/compare.ts';

const para = (anchor: string, n: number, role = 'paragraph'): ViewParagraph => ({
  anchor,
  n,
  kind: 'article',
  role,
  text: `Text of ${anchor}.`,
});

const rewrite: Alignment = {
  derivative: 'retold',
  original: 'orig',
  derivation: 'rewrite',
  pairs: [
    { derivative: 'd1', original: ['o1', 'o2'], relation: 'merged', flags: [], diff: [] },
    { derivative: 'd2', original: ['o4'], relation: 'condensed', flags: [], diff: [] },
    { derivative: 'd3', original: ['o4'], relation: 'altered', flags: [], diff: [] },
    { derivative: 'd4', original: [], relation: 'added', flags: [], diff: [] },
    { derivative: 'dh', original: ['oh'], relation: 'same', flags: [], diff: [] },
  ],
  dropped: ['o3'],
};
const copy: Alignment = {
  derivative: 'copy',
  original: 'orig',
  derivation: 'republication',
  pairs: ['o1', 'o2', 'o3', 'o4', 'oh'].map((o) => ({
    derivative: `c-${o}`,
    original: [o],
    relation: 'same' as const,
    flags: [],
    diff: [],
  })),
  dropped: [],
};
const corpus: CorpusEntry[] = [
  {
    id: 'orig',
    data: {
      title: 'The Original',
      short: 'Orig',
      genre: 'news-analysis',
      paragraphs: [para('o1', 1), para('o2', 2), para('o3', 3), para('oh', 0, 'heading'), para('o4', 4)],
    },
  },
  {
    id: 'retold',
    data: {
      title: 'Retold',
      short: 'Retelling',
      derivedFrom: 'orig',
      derivation: 'rewrite',
      alignment: rewrite,
      paragraphs: [para('d1', 1), para('d2', 2), para('d3', 3), para('d4', 4), para('dh', 0, 'heading')],
    },
  },
  {
    id: 'copy',
    data: {
      title: 'Copy',
      derivedFrom: 'orig',
      derivation: 'republication',
      alignment: copy,
      paragraphs: copy.pairs.map((p, i) => para(p.derivative, i + 1)),
    },
  },
  {
    id: 'elsewhere',
    data: { title: 'Elsewhere', genre: 'essay', derivation: 'republication', paragraphs: [para('e1', 1)] },
  },
];

describe('provenanceNotes', () => {
  test('a derivative paragraph links to its original paragraph(s) and to its compare row', () => {
    const notes = provenanceNotes('retold', corpus);
    expect(notes.get('d1')).toEqual([
      {
        lead: 'From Orig',
        links: [
          { href: '/sources/orig/#o1', label: '¶1' },
          { href: '/sources/orig/#o2', label: '¶2' },
        ],
        relation: 'merged',
        compare: { href: '/sources/retold/compare/#row-d1', label: 'compare' },
      },
    ]);
    expect(notes.get('d4')).toEqual([
      {
        lead: 'Not from Orig',
        links: [],
        relation: 'added',
        compare: { href: '/sources/retold/compare/#row-d4', label: 'compare' },
      },
    ]);
  });

  test('an original paragraph says where each derivative uses it, or that it dropped it', () => {
    const notes = provenanceNotes('orig', corpus);
    expect(notes.get('o4')!.map((n) => [n.lead, n.links.map((l) => l.href), n.relation, n.compare.href])).toEqual([
      [
        'Counterpart in Retelling',
        ['/sources/retold/#d2', '/sources/retold/#d3'],
        'condensed, altered',
        '/sources/retold/compare/#row-d2',
      ],
      ['Counterpart in Copy', ['/sources/copy/#c-o4'], 'same text', '/sources/copy/compare/#row-c-o4'],
    ]);
    expect(notes.get('o3')!.map((n) => [n.lead, n.relation, n.compare.href])).toEqual([
      ['Not used in Retelling', 'dropped', '/sources/retold/compare/#dropped-o3'],
      ['Counterpart in Copy', 'same text', '/sources/copy/compare/#row-c-o3'],
    ]);
  });

  test('headings get no note (it would become part of the heading); unrelated sources get none', () => {
    expect(provenanceNotes('orig', corpus).has('oh')).toBe(false);
    expect(provenanceNotes('retold', corpus).has('dh')).toBe(false);
    expect(provenanceNotes('elsewhere', corpus).size).toBe(0);
    expect(provenanceNotes('nobody', corpus).size).toBe(0);
  });
});

describe('sourceProvenance', () => {
  test('a rewrite: derivation, link to the original, compare view, how much differs', () => {
    expect(sourceProvenance('retold', corpus)).toEqual({
      derivatives: [],
      derivation: {
        kind: 'rewrite',
        original: { href: '/sources/orig/', label: 'The Original' },
        compare: { href: '/sources/retold/compare/', label: 'compare with the original, paragraph by paragraph' },
        note: '4 of 5 paragraphs differ from the original; 1 original paragraph dropped',
      },
    });
  });

  test('a republication with the same text says it aligns trivially', () => {
    expect(sourceProvenance('copy', corpus).derivation?.note).toBe('same text as its original — trivially aligned');
  });

  test('a republication of an original outside the corpus says so', () => {
    expect(sourceProvenance('elsewhere', corpus)).toEqual({
      genre: 'essay',
      derivatives: [],
      derivation: { kind: 'republication', note: 'its original is not among these sources' },
    });
  });

  test('an original lists its derived texts with their compare views, and its genre in words', () => {
    const p = sourceProvenance('orig', corpus);
    expect(p.genre).toBe('news analysis');
    expect(p.derivation).toBeUndefined();
    expect(p.derivatives).toEqual([
      {
        link: { href: '/sources/retold/', label: 'Retold' },
        derivation: 'rewrite',
        compare: { href: '/sources/retold/compare/', label: 'compare' },
      },
      {
        link: { href: '/sources/copy/', label: 'Copy' },
        derivation: 'republication',
        compare: { href: '/sources/copy/compare/', label: 'compare' },
      },
    ]);
  });
});

describe('corpusIndex', () => {
  test('made once and shared, it gives every source the same notes and lines as the entries themselves', () => {
    const index = corpusIndex(corpus);
    for (const id of [...corpus.map((e) => e.id), 'nobody']) {
      expect(provenanceNotes(id, index)).toEqual(provenanceNotes(id, corpus));
      expect(sourceProvenance(id, index)).toEqual(sourceProvenance(id, corpus));
    }
    expect(index.alignedTo.get('orig')?.map((e) => e.id)).toEqual(['retold', 'copy']);
    expect(index.derivedFrom.get('orig')?.map((e) => e.id)).toEqual(['retold', 'copy']);
  });
});
