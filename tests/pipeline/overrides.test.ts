import { describe, expect, test } from 'vitest';
import { parseManifest, SourceError, type ManifestEntry } from '../../src/pipeline/manifest.ts';
import { buildSource, paragraphsOf, summariseSource } from '../../src/pipeline/load-sources.ts';
import type { SourceFile } from '../../src/pipeline/read-sources.ts';
import { linesDecidedByManifest, type ManifestOverride } from '../../src/pipeline/overrides.ts';

const entry = (overrides: string) => `- id: a\n  file: a.txt\n  title: A\n  overrides:\n${overrides}`;
const manifestError = (overrides: string): string => {
  try {
    parseManifest(entry(overrides), 'seeds/sources.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(SourceError);
    return (err as Error).message;
  }
  throw new Error('the manifest was accepted');
};

describe('the manifest schema (strict)', () => {
  test('accepts the documented forms', () => {
    const [e] = parseManifest(entry([
      '    - { lines: "12-14", kind: article }',
      '    - { lines: 20, kind: article, role: heading }',
      '    - { line: 3, kind: furniture, role: editor-note }',
      '    - { lines: "33-157", kind: comment }',
      '    - { line: 30, split: "But Putin has also framed" }',
      '    - { line: 31, split: ["First words", "Second words"] }',
      '    - { lines: "40-42", kind: comment, words: "1. A reader" }',
    ].join('\n')), 'seeds/sources.yaml');
    expect(e!.overrides).toHaveLength(7);
  });

  test.each([
    ['    - { lines: "12-14", kind: article, colour: red }', /entry 1 \(id "a"\): field "overrides\.0\.colour" is not a field of an override \(allowed: line, lines, kind, role, split, words\)/],
    ['    - { line: 3, lines: "3-4", kind: article }', /field "overrides\.0\.line" an override needs exactly one of "line" or "lines"/],
    ['    - { line: 3 }', /field "overrides\.0\.kind" an override needs exactly one of "kind" or "split"/],
    ['    - { line: 3, kind: article, split: "x" }', /exactly one of "kind" or "split"/],
    ['    - { lines: "3-4", split: "x" }', /field "overrides\.0\.split" needs a single "line"/],
    ['    - { line: 3, kind: furniture }', /field "overrides\.0\.role" is required with kind furniture/],
    ['    - { line: 3, kind: article, role: footer }', /"footer" is not a role of kind article/],
    ['    - { line: 3, kind: fish }', /field "overrides\.0\.kind"/],
    ['    - { lines: "14-12", kind: article }', /range 14-12 runs backwards/],
    ['    - { lines: "twelve", kind: article }', /must be a line number or a range such as "12-14"/],
    ['    - { line: 0, kind: article }', /field "overrides\.0\.line"/],
    ['    - { line: 3, split: "  " }', /field "overrides\.0\.split"/],
    ['    - { line: 3, split: "x", words: "y" }', /field "overrides\.0\.words" needs "kind" \(a split is found by its own words\)/],
    ['    - { line: 3, kind: article, words: "" }', /field "overrides\.0\.words"/],
  ])('%s', (yaml, message) => {
    expect(manifestError(yaml)).toMatch(message);
  });
});

const TEXT = [
  'A headline',
  'By A. Writer',
  '',
  'This first paragraph is long enough to be prose, so the two lines above it are the header of this text.',
  '“They believe it, really,” he said. But the Kremlin has also framed the war as a defence of history.',
  'Related:',
  '- One link',
  '- Another link',
].join('\n');

function file(overrides: ManifestOverride[]): SourceFile {
  const e = { id: 'test-source', file: 't.txt', title: 'T', overrides } as ManifestEntry;
  return { entry: e, path: 'seeds/t.txt', bytes: new Uint8Array(), text: TEXT, sha256: '0'.repeat(64), size: 1 };
}
const shape = (overrides: ManifestOverride[]) =>
  buildSource(file(overrides)).paragraphs.map((p) => `${p.line} ${p.kind}:${p.role} ${p.text.slice(0, 12)}`);

describe('applying overrides', () => {
  test('split: one line becomes two paragraphs before the given words (quotes and spacing as in citations)', () => {
    const out = buildSource(file([{ line: 5, split: 'But the Kremlin has' }])).paragraphs.filter((p) => p.line === 5);
    expect(out.map((p) => p.text)).toEqual([
      '“They believe it, really,” he said.',
      'But the Kremlin has also framed the war as a defence of history.',
    ]);
    expect(out.map((p) => p.n)).toEqual([2, 3]);
    // Straight quotes and extra spaces in the manifest still find the words.
    const again = buildSource(file([{ line: 5, split: ['really," he   said.', 'But the'] }])).paragraphs.filter((p) => p.line === 5);
    expect(again.map((p) => p.text)).toEqual(['“They believe it,', 'really,” he said.', 'But the Kremlin has also framed the war as a defence of history.']);
  });

  test('kind: forces lines to article, furniture (with role) or comment', () => {
    expect(shape([{ lines: '6-8', kind: 'article' }])).toEqual([
      '1 furniture:header A headline', '2 furniture:byline By A. Writer', '4 article:paragraph This first p',
      '5 article:paragraph “They believ', '6 article:paragraph Related:', '7 article:paragraph - One link', '8 article:paragraph - Another li',
    ]);
    expect(shape([{ line: 4, kind: 'furniture', role: 'editor-note' }, { lines: '7-8', kind: 'comment' }]).slice(2)).toEqual([
      '4 furniture:editor-note This first p', '5 article:paragraph “They believ', '6 furniture:link-list Related:',
      '7 comment:comment - One link', '8 comment:comment - Another li',
    ]);
    expect(shape([{ line: 1, kind: 'article', role: 'heading' }])[0]).toBe('1 article:heading A headline');
  });

  test('lines the manifest decides raise no warning; the same lines decided by rule do', () => {
    const long = `${'The army has grown every month, and the regions pay the bonuses. '.repeat(4)}`;
    const text = `${long}\nRelated:\n- A link\n${long}`;
    // The long last line follows a marker but is prose: the marker is article, nothing is swallowed.
    expect(paragraphsOf(text).every((p) => p.kind === 'article')).toBe(true);
    const forced: ManifestOverride[] = [{ lines: '2-4', kind: 'furniture', role: 'link-list' }];
    const source = { ...buildSource({ ...file(forced), text }) };
    expect(source.paragraphs.slice(1).map((p) => p.role)).toEqual(['link-list', 'link-list', 'link-list']);
    expect(summariseSource(source).warnings).toEqual([]);
    expect(summariseSource({ ...source, overrides: [], entry: { ...source.entry, overrides: [] } }).warnings).toHaveLength(1);
    expect([...linesDecidedByManifest(forced)]).toEqual([2, 3, 4]);
  });

  test.each([
    [[{ line: 5, split: 'the Pentagon' }], /seeds\/t\.txt: manifest entry "test-source", field overrides\[0\]\.split: the words "the Pentagon" are on no line of the file \(line 5 reads "“They believe it/],
    [[{ line: 5, split: 'the' }], /overrides\[0\]\.split: the words "the" occur more than once on line 5/],
    [[{ line: 5, split: '“They believe' }], /overrides\[0\]\.split: the words "“They believe" begin line 5/],
    [[{ line: 3, split: 'x' }], /overrides\[0\]\.split: the words "x" are on no line of the file \(line 3 is blank or beyond the end of the file\)/],
    [[{ line: 99, kind: 'article' }], /overrides\[0\]\.line: line 99 goes beyond the last line of text \(8\); add words: "<the first words of the line meant>"/],
    [[{ lines: '3-3', kind: 'article' }], /overrides\[0\]\.lines: line 3 is blank; add words:/],
    [[{ lines: '2-3', kind: 'article' }, { lines: '3-3', kind: 'comment' }], /overrides\[1\]\.lines: line 3 is blank/],
    [[{ lines: '4-6', kind: 'article' }, { line: 6, kind: 'comment' }], /overrides\[1\]\.line: line 6 is already decided by overrides\[0\]/],
  ] as [ManifestOverride[], RegExp][])('%j is a build error naming file, entry and field', (overrides, message) => {
    expect(() => buildSource(file(overrides))).toThrow(SourceError);
    expect(() => buildSource(file(overrides))).toThrow(message);
  });
});

describe('overrides follow their words when lines move', () => {
  // The same invented text with two lines added above the split line (a new standfirst and a blank line).
  const EDITED = TEXT.replace('By A. Writer\n', 'By A. Writer\nWith reporting by B. Helper\n\n');
  const edited = (overrides: ManifestOverride[]) => buildSource({ ...file(overrides), text: EDITED });

  test('a split whose line moved is found by its words, and the build says where they are now', () => {
    const source = edited([{ line: 5, split: 'But the Kremlin has' }]);
    expect(source.paragraphs.filter((p) => p.line === 7).map((p) => p.text)).toEqual([
      '“They believe it, really,” he said.',
      'But the Kremlin has also framed the war as a defence of history.',
    ]);
    expect(source.notices).toEqual([
      'seeds/t.txt: manifest entry "test-source", overrides[0] (line: 5): the words "But the Kremlin has" are on line 7 now, not 5; ' +
        'the override follows them. Write line: 7 in the manifest to say so',
    ]);
    expect(source.overrides).toEqual([{ line: 7, split: 'But the Kremlin has' }]);
    // Unmoved: no notice.
    expect(buildSource(file([{ line: 5, split: 'But the Kremlin has' }])).notices).toEqual([]);
  });

  test('several lines with the words: the one nearest the number; equally near ones are an error', () => {
    const twice = ['Opening line of the piece, long enough to be prose and not a header at all, we hope.', 'Alpha says so. Then more.', 'Middle.', 'Beta says so. Then more.', 'Gamma says so. Then more.'].join('\n');
    const src = (line: number) => buildSource({ ...file([{ line, split: 'Then more.' }]), text: twice });
    expect(src(4).notices).toEqual([]);
    expect(src(4).paragraphs.filter((p) => p.line === 4).map((p) => p.text)).toEqual(['Beta says so.', 'Then more.']);
    expect(src(1).notices![0]).toMatch(/are on line 2 now, not 1/);
    expect(() => src(3)).toThrow(/overrides\[0\]\.split: line 3 reads "Middle\."; the words "Then more\." are on lines 2 and 4, equally near: write the right line number here/);
  });

  test('words found nowhere: an error naming file, entry, the words and what the line reads now', () => {
    expect(() => edited([{ line: 5, split: 'But the Pentagon has' }])).toThrow(
      /^seeds\/t\.txt: manifest entry "test-source", field overrides\[0\]\.split: the words "But the Pentagon has" are on no line of the file \(line 5 is blank or beyond the end of the file\)\. The text has changed: find the line/,
    );
  });

  test('a kind override with words (the first words of its first line) moves with its range, and its lines raise no warning', () => {
    const forced: ManifestOverride[] = [{ lines: '6-8', kind: 'comment', words: 'Related:' }];
    expect(shape(forced).slice(-3)).toEqual(['6 comment:comment Related:', '7 comment:comment - One link', '8 comment:comment - Another li']);
    const source = edited(forced);
    expect(source.paragraphs.slice(-3).map((p) => `${p.line} ${p.kind}`)).toEqual(['8 comment', '9 comment', '10 comment']);
    expect(source.overrides).toEqual([{ lines: '8-10', kind: 'comment', words: 'Related:' }]);
    expect(source.notices![0]).toMatch(/overrides\[0\] \(lines: "6-8"\): the words "Related:" are on line 8 now, not 6; the override follows them\. Write lines: "8-10"/);
    expect(edited([{ line: 4, kind: 'furniture', role: 'editor-note', words: 'This first paragraph' }]).paragraphs.find((p) => p.line === 6)!.role).toBe('editor-note');
    // Words that begin no line (here: they are inside one) are an error.
    expect(() => edited([{ line: 7, kind: 'article', words: 'he said' }])).toThrow(/field overrides\[0\]\.words: the words "he said" begin no line of the file \(line 7 reads "“They believe/);
  });

  test('without words a kind override keeps its number; a blank line is an error naming the entry, with a hint', () => {
    expect(() => edited([{ line: 5, kind: 'article' }])).toThrow(
      /seeds\/t\.txt: manifest entry "test-source", field overrides\[0\]\.line: line 5 is blank; add words: "<the first words of the line meant>" to the override/,
    );
  });
});
