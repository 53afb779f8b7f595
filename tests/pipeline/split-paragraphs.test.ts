import { describe, expect, test } from 'vitest';
import { splitLines, splitMerged, normaliseNewlines } from '../../src/pipeline/split-paragraphs.ts';

describe('splitLines', () => {
  test('one block per non-blank line, with 1-based line numbers', () => {
    expect(splitLines('a\n\n  b\n\u00a0\n\tc').map((l) => [l.text, l.line, l.indent])).toEqual([
      ['a', 1, 0],
      ['  b', 3, 2],
      ['\tc', 5, 4],
    ]);
  });
  test('CRLF and lone CR are line breaks', () => {
    expect(normaliseNewlines('a\r\nb\rc')).toBe('a\nb\nc');
    expect(splitLines('a\r\n\r\nb').map((l) => l.text)).toEqual(['a', 'b']);
  });
  test('an empty text has no lines', () => {
    expect(splitLines('')).toEqual([]);
  });
});

describe('splitMerged', () => {
  test.each([
    ['First one.\u00a0 Second one.', ['First one.', 'Second one.']],
    ['He said “no.”\u00a0 Then left.', ['He said “no.”', 'Then left.']],
    ['Ends with a join.\u00a0', ['Ends with a join.']],
    ['Two spaces.  Plain spacing is not a join.', ['Two spaces.  Plain spacing is not a join.']],
    ['No sentence end\u00a0 before it.', ['No sentence end\u00a0 before it.']],
    ['A question?\u00a0\u00a0Next.', ['A question?', 'Next.']],
  ])('%j', (line, pieces) => {
    expect(splitMerged(line)).toEqual(pieces);
  });
});
