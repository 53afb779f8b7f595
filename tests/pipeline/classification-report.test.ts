import { describe, expect, test } from 'vitest';
import { CLIP, formatSummary, formatWarning, summariseClassification } from '../../src/pipeline/classification-report.ts';
import { isLongProse, proseWords, readsAsSentence } from '../../src/pipeline/prose.ts';
import type { Block, BlockKind, BlockRole } from '../../src/pipeline/types.ts';

const PROSE = 'The ministry says that more than a thousand volunteers sign up every day. Independent researchers have not been able to confirm that figure from any other source, and the regions that pay the bonuses publish no numbers of their own.';
const b = (line: number, kind: BlockKind, role: BlockRole, text: string): Block => ({ kind, role, text, line });

describe('prose measures', () => {
  test('words in complete sentences; a cut-off teaser or a headline has few', () => {
    expect(proseWords(PROSE)).toBe(40);
    expect(isLongProse(PROSE)).toBe(true);
    expect(proseWords('A group of nearly 40 Senate Democrats is calling on President Trump to reinstate all of the inspectors general he fired, arguing the decision does not comply with the ...The Hill - 22m -')).toBe(0);
    expect(isLongProse(PROSE.replace(/\.$/, ' and'))).toBe(false); // the last sentence is unfinished: 13 words remain
  });
  test.each([
    ['Putin wants more.', false, true],
    ['By John Smith Jr.', false, false],
    ['Jan. 5, 2025.', false, false],
    ['What does Putin want to stop the war?', true, false],
    ['What does Putin want to stop the war?', false, true],
    ['Long term plan', false, false],
  ])('%j (first line: %s) reads as a sentence: %s', (text, first, expected) => {
    expect(readsAsSentence(text, first)).toBe(expected);
  });
});

describe('summariseClassification', () => {
  test('counts lines by kind (a line with any article block is an article line) and blocks by kind', () => {
    const s = summariseClassification([
      b(1, 'furniture', 'header', 'Headline'),
      b(3, 'article', 'heading', 'A heading'),
      b(4, 'article', 'paragraph', 'One.'),
      b(4, 'furniture', 'pull-quote', 'Quote.'),
      b(4, 'article', 'paragraph', 'Two.'),
      b(6, 'comment', 'comment', '1. Nice.'),
    ]);
    expect(s.lines).toEqual({ total: 4, article: 2, furniture: 1, comment: 1 });
    expect(s.blocks).toEqual({ paragraphs: 2, headings: 1, furniture: 2, comments: 1 });
    expect(s.warnings).toEqual([]);
    expect(formatSummary('x', s)).toBe('x: 4 lines → 2 article (2 ¶, 1 heading), 1 furniture, 1 comment');
  });

  test('long prose outside the article is a warning, one per run of the same kind and role, quoting clipped lines', () => {
    // What the old trailer rule did: one marker, then every later paragraph became a link list.
    const blocks = [
      b(1, 'article', 'paragraph', PROSE),
      b(2, 'furniture', 'link-list', 'More from the front'),
      ...Array.from({ length: 5 }, (_, i) => b(3 + i, 'furniture', 'link-list', `${PROSE} (${i})`)),
      b(8, 'article', 'paragraph', PROSE),
      b(9, 'comment', 'comment', PROSE),
      b(10, 'comment', 'comment', 'Short reply.'),
      b(11, 'comment', 'comment', PROSE),
      b(12, 'furniture', 'header', PROSE),
    ];
    const s = summariseClassification(blocks);
    expect(s.warnings.map((w) => [w.kind, w.role, w.from, w.to, w.quotes.length])).toEqual([
      ['furniture', 'link-list', 3, 7, 5],
      ['comment', 'comment', 9, 11, 2],
      ['furniture', 'header', 12, 12, 1],
    ]);
    expect(s.warnings[0]!.quotes[0]!.text).toHaveLength(CLIP);
    expect(s.warnings[0]!.quotes[0]!.text.endsWith('…')).toBe(true);
    const message = formatWarning('src-id', s.warnings[0]!);
    expect(message).toMatch(/^src-id: lines 3–7: 5 long prose blocks were classified as furniture \(link-list\), not article\./);
    expect(message).toContain('{ lines: "3-7", kind: furniture, role: link-list }');
    expect(message).toContain('\n  line 3 (40 words): “The ministry says that more than a thousand');
    expect(message).toContain('… and 2 more');
    expect(formatWarning('src-id', s.warnings[2]!)).toMatch(/^src-id: line 12: a long prose block was classified as furniture \(header\)[\s\S]*\{ line: 12, kind: furniture, role: header \}/);
    expect(formatSummary('src-id', s)).toMatch(/; 3 warnings$/);
  });

  test('lines the manifest decides are not warned about', () => {
    const blocks = [b(1, 'article', 'paragraph', PROSE), b(2, 'comment', 'comment', PROSE), b(3, 'comment', 'comment', PROSE)];
    expect(summariseClassification(blocks, new Set([2])).warnings.map((w) => [w.from, w.to])).toEqual([[3, 3]]);
    expect(summariseClassification(blocks, new Set([2, 3])).warnings).toEqual([]);
  });
});
