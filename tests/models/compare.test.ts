/** View model of the compare view (src/models/compare.ts) and of /data/alignments.json (src/models/alignment-data.ts). */
import { describe, expect, test } from 'vitest';
import type { Alignment } from '../../src/pipeline/align.ts';
import {
  compareHref,
  compareView,
  droppedRowId,
  paragraphLabel,
  rowId,
  sidePieces,
  totalsOf,
  type Piece,
  type ViewParagraph,
} from '../../src/models/compare.ts';
import { alignmentRecords } from '../../src/models/alignment-data.ts';

const join = (pieces: readonly Piece[], drop: Piece['op']) =>
  pieces
    .filter((p) => p.op !== drop)
    .map((p) => p.text)
    .join('');
const para = (anchor: string, n: number, text: string, role = 'paragraph'): ViewParagraph => ({
  anchor,
  n,
  kind: 'article',
  role,
  text,
});

describe('sidePieces', () => {
  test('each side’s pieces join to exactly its text, whitespace included', () => {
    const o = 'Russia  was expelled from the G8,\tsanctioned by the West .';
    const d = 'Russia was thrown out of the G8 and sanctioned.';
    const s = sidePieces([o], d);
    expect(s.original).toHaveLength(1);
    expect(join(s.original[0]!, 'added')).toBe(o);
    expect(join(s.derivative, 'removed')).toBe(d);
    expect(s.original[0]!.some((p) => p.op === 'added')).toBe(false);
    expect(s.derivative.some((p) => p.op === 'removed')).toBe(false);
  });

  test('marks removed words on the original side and added words on the derivative side', () => {
    const s = sidePieces(['Putin will likely keep fighting.'], 'Putin will keep fighting hard.');
    expect(s.original[0]!.filter((p) => p.op === 'removed').map((p) => p.text.trim())).toEqual(['likely']);
    expect(
      s.derivative
        .filter((p) => p.op === 'added')
        .map((p) => p.text.trim())
        .join(' '),
    ).toContain('hard');
  });

  test('a merged pair is cut back into its original paragraphs', () => {
    const a = 'The first paragraph says one thing.';
    const b = 'The second paragraph says another.';
    const s = sidePieces([a, b], 'One paragraph says one thing and another.');
    expect(s.original.map((ps) => join(ps, 'added'))).toEqual([a, b]);
  });

  test('identical texts give one equal piece per side', () => {
    expect(sidePieces(['Same words here.'], 'Same words here.')).toEqual({
      original: [[{ op: 'equal', text: 'Same words here.' }]],
      derivative: [{ op: 'equal', text: 'Same words here.' }],
    });
  });
});

describe('compareView', () => {
  const original = {
    id: 'orig',
    paragraphs: [
      para('o1', 1, 'Alpha paragraph about the bridge vote.'),
      { anchor: 'f1', n: 1, kind: 'furniture', role: 'pull-quote', text: 'Not article.' },
      para('o2', 2, 'Beta paragraph, dropped by the rewrite.'),
      para('o3', 3, 'Gamma paragraph about the repairs.'),
      para('o4', 4, 'Delta paragraph about shop owners.'),
      para('o5', 5, 'Epsilon paragraph at the end, dropped too.'),
    ],
  };
  const derivative = {
    id: 'deriv',
    paragraphs: [
      para('d1', 1, 'Alpha paragraph about the bridge vote.'),
      para('d2', 2, 'Gamma and delta: repairs and shops.'),
      para('d3', 3, 'A new claim.'),
    ],
  };
  const alignment: Alignment = {
    derivative: 'deriv',
    original: 'orig',
    derivation: 'rewrite',
    pairs: [
      { derivative: 'd1', original: ['o1'], relation: 'same', flags: [], diff: [] },
      {
        derivative: 'd2',
        original: ['o3', 'o4'],
        relation: 'merged',
        flags: [
          { type: 'hedge-dropped', detail: 'x' },
          { type: 'quote-not-verbatim', detail: 'y' },
        ],
        diff: [],
      },
      { derivative: 'd3', original: [], relation: 'added', flags: [{ type: 'claim-added', detail: 'z' }], diff: [] },
    ],
    dropped: ['o2', 'o5'],
  };
  const view = compareView(alignment, derivative, original);

  test('rows follow the derivative, with dropped original paragraphs where they stand in the original', () => {
    expect(view.rows.map((r) => r.id)).toEqual([
      rowId('d1'),
      droppedRowId('o2'),
      rowId('d2'),
      rowId('d3'),
      droppedRowId('o5'),
    ]);
    expect(new Set(view.rows.map((r) => r.id)).size).toBe(view.rows.length);
  });

  test('a row links each side to its paragraph on its source page, labelled by ¶ number', () => {
    const merged = view.rows[2]!;
    expect(merged.kind).toBe('pair');
    if (merged.kind !== 'pair') return;
    expect(merged.derivative).toMatchObject({ label: '¶2', href: '/sources/deriv/#d2' });
    expect(merged.original.map((o) => [o.label, o.href])).toEqual([
      ['¶3', '/sources/orig/#o3'],
      ['¶4', '/sources/orig/#o4'],
    ]);
    expect(merged.original.map((o) => join(o.pieces, 'added'))).toEqual([
      'Gamma paragraph about the repairs.',
      'Delta paragraph about shop owners.',
    ]);
    expect(merged.flags.map((f) => f.type)).toEqual(['hedge-dropped', 'quote-not-verbatim']);
  });

  test('an added paragraph has no original side and its text unmarked', () => {
    const added = view.rows[3]!;
    expect(added.kind === 'pair' && added.original).toEqual([]);
    expect(added.kind === 'pair' && added.derivative.pieces).toEqual([{ op: 'equal', text: 'A new claim.' }]);
  });

  test('totals count relations, flags, quotations and dropped paragraphs', () => {
    expect(view.summary).toBe(
      '3 paragraphs (1 same text, 1 merged, 1 added); 1 of 0 quotations not verbatim; 1 hedge dropped; 0 claims softened or hardened; 0 numbers changed; ' +
        '0 names changed or new; 0 attributions changed; 1 sentence with a claim not in the original; 2 of 5 original paragraphs dropped',
    );
  });

  test('quotations are counted in the derivative’s aligned paragraphs', () => {
    const t = totalsOf(alignment, ['He said “one thing” and “another”.', 'She called it “a war”.'], 5);
    expect(t.find((x) => x.key === 'quote-not-verbatim')!.text).toBe('1 of 3 quotations not verbatim');
  });

  test('an alignment naming a paragraph the texts lack is an error, not a silent gap', () => {
    expect(() => compareView({ ...alignment, dropped: ['o9'] }, derivative, original)).toThrow(
      /no original paragraph o9/,
    );
  });

  test('labels and links', () => {
    expect(paragraphLabel(para('h', 1, 'Long term plan', 'heading'))).toBe('§ “Long term plan”');
    expect(compareHref('deriv')).toBe('/sources/deriv/compare/');
    expect(compareHref('deriv', rowId('d1'))).toBe('/sources/deriv/compare/#row-d1');
  });
});

test('alignmentRecords: the documented fields, without the word diff', () => {
  const records = alignmentRecords([
    {
      derivative: 'd',
      original: 'o',
      derivation: 'rewrite',
      pairs: [
        {
          derivative: 'd1',
          original: ['o1'],
          relation: 'altered',
          flags: [{ type: 'number-changed', detail: 'G7 → G8' }],
          diff: [{ op: 'equal', text: 'x' }],
        },
      ],
      dropped: ['o2'],
    },
  ]);
  expect(records).toEqual([
    {
      derivative: 'd',
      original: 'o',
      derivation: 'rewrite',
      pairs: [
        {
          derivative: 'd1',
          original: ['o1'],
          relation: 'altered',
          flags: [{ type: 'number-changed', detail: 'G7 → G8' }],
        },
      ],
      dropped: ['o2'],
    },
  ]);
});
