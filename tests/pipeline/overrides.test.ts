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
    ].join('\n')), 'seeds/sources.yaml');
    expect(e!.overrides).toHaveLength(6);
  });

  test.each([
    ['    - { lines: "12-14", kind: article, colour: red }', /entry 1 \(id "a"\): field "overrides\.0\.colour" is not a field of an override \(allowed: line, lines, kind, role, split\)/],
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
    expect(summariseSource({ ...source, entry: { ...source.entry, overrides: [] } }).warnings).toHaveLength(1);
    expect([...linesDecidedByManifest(forced)]).toEqual([2, 3, 4]);
  });

  test.each([
    [[{ line: 5, split: 'the Pentagon' }], /seeds\/t\.txt: manifest entry "test-source", field overrides\[0\]\.split: the words "the Pentagon" are not on line 5 \(it reads "“They believe it/],
    [[{ line: 5, split: 'the' }], /overrides\[0\]\.split: the words "the" occur more than once on line 5/],
    [[{ line: 5, split: '“They believe' }], /overrides\[0\]\.split: the words "“They believe" begin line 5/],
    [[{ line: 3, split: 'x' }], /overrides\[0\]\.line: line 3 is blank or beyond the end of the file/],
    [[{ line: 99, kind: 'article' }], /overrides\[0\]\.line: line 99 goes beyond the last line of text \(8\)/],
    [[{ lines: '3-3', kind: 'article' }], /overrides\[0\]\.lines: line 3 is blank/],
    [[{ lines: '2-3', kind: 'article' }, { lines: '3-3', kind: 'comment' }], /overrides\[1\]\.lines: line 3 is blank/],
    [[{ lines: '4-6', kind: 'article' }, { line: 6, kind: 'comment' }], /overrides\[1\]\.line: line 6 is already decided by overrides\[0\]/],
  ] as [ManifestOverride[], RegExp][])('%j is a build error naming file, entry and field', (overrides, message) => {
    expect(() => buildSource(file(overrides))).toThrow(SourceError);
    expect(() => buildSource(file(overrides))).toThrow(message);
  });
});
