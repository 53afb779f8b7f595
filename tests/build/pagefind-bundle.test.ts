import { describe, expect, test } from 'vitest';
import { decode, encode } from 'cborg';
import { gzipSync } from 'node:zlib';
import { chunkTarget, joinChunk, packWords, scanChunk, slimFragment, unwrap, wordSize, wrap, type PackedWord } from '../../src/build/pagefind-bundle.ts';

/** A word on `pages` pages with `locs` positions each. */
const word = (w: string, pages = 1, locs = 3): PackedWord => [w, Array.from({ length: pages }, (_, i) => [i, Array.from({ length: locs }, (_, j) => j)]), []];
const common = (a: string, b: string) => {
  const [x, y] = [[...a], [...b]];
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i;
};

describe('packWords', () => {
  const words = ['aa', 'ab', 'abc', 'abd', 'b', 'ba', 'bb', 'bba', 'bbb', 'c', 'ca', 'cab', 'cac', 'cb', 'd'].map((w) => word(w));

  test('keeps every word once, in order', () => {
    for (const target of [1, 4, 8, 16, 100]) expect(packWords(words, target).flat()).toEqual(words);
    expect(packWords([], 10)).toEqual([]);
  });

  test('a chunk stays within the target unless it is one word, or a word with the words it is a prefix of (up to the cap)', () => {
    const size = (c: PackedWord[]) => c.reduce((n, w) => n + wordSize(w), 0);
    // Every word has size 4 (3 positions + 1). Cap = target: only single words may exceed it.
    for (const c of packWords(words, 8, 8)) expect(size(c)).toBeLessThanOrEqual(8);
    expect(packWords(words, 1, 1).every((c) => c.length === 1)).toBe(true); // every word alone, never cut
    expect(packWords([word('huge', 50, 50), word('i')], 10).map((c) => c.map((w) => w[0]))).toEqual([['huge'], ['i']]);
    // Default cap (4 × target): "b" keeps "ba", "bb", "bba", "bbb" (20 positions) with it, so the query "b" finds them all.
    const names = (chunks: PackedWord[][]) => chunks.map((c) => c.map((w) => w[0]).join(' '));
    expect(names(packWords(words, 8))).toContain('b ba bb bba bbb');
    // Over the cap, the range is cut after all.
    expect(names(packWords(words, 8, 16))).not.toContain('b ba bb bba bbb');
  });

  test('cuts at the shallowest prefix that allows it: words sharing a first letter stay together when they fit', () => {
    const cuts = (chunks: PackedWord[][]) => chunks.slice(1).map((c, i) => common(chunks[i]!.at(-1)![0], c[0]![0]));
    // Sizes: a-group 16, b-group 20, c-group 20, d 4. With a target of 20 each first-letter group fits alone.
    expect(cuts(packWords(words, 20))).toEqual([0, 0, 0]);
    // With 12 (and no room to keep a word with its extensions), the b and c groups are cut inside, only after their first letter,
    // where Pagefind's own chunker would cut wherever the size runs out (e.g. between "bba" and "bbb").
    expect(Math.max(...cuts(packWords(words, 12, 12)))).toBeLessThanOrEqual(1);
  });

  test('counts positions in other spellings and metadata positions too', () => {
    expect(wordSize(['detent', [], [['détente', [[0, [-25, 1, 2], []], [2, [3], [7]]]]]])).toBe(3 + 1 + 2 + 1);
  });

  test('chunk size grows with the square root of the index, within bounds', () => {
    expect(chunkTarget(0)).toBe(500);
    expect(chunkTarget(42_679)).toBe(Math.round(Math.sqrt(426_790)));
    expect(chunkTarget(4_000_000)).toBe(6325);
    expect(chunkTarget(1e12)).toBe(20_000);
  });
});

describe('scanChunk: index chunks read without decoding their postings', () => {
  const sample: PackedWord[] = [
    ['détente', [[0, [-25, 1, 2], []], [3, [70_000, 5], [1, 2]]], []],
    ['kremlin', [[1, [4_294_967_295, -1, 0], []]], [['kremlin’', [[0, [9], []], [2, [8, 7], []]]]]],
    ['漢字', Array.from({ length: 300 }, (_, i): [number, number[], number[]] => [i, Array.from({ length: 30 }, (_, j) => j * 1000), []]), []],
  ];
  test('gives each word its text, Pagefind size and encoded bytes, as a CBOR library reads them', () => {
    const words = scanChunk(encode([sample]));
    expect(words.map((w) => w.word)).toEqual(sample.map((w) => w[0]));
    expect(words.map((w) => w.size)).toEqual(sample.map(wordSize));
    words.forEach((w, i) => expect(decode(w.bytes)).toEqual(sample[i]));
    expect(decode(joinChunk([words[2]!, words[0]!]))).toEqual([[sample[2], sample[0]]]);
  });
  test('a malformed chunk is refused, not misread', () => {
    const bytes = encode([sample]);
    expect(() => scanChunk(bytes.subarray(0, bytes.length - 3))).toThrow(/ends early|expected/);
    expect(() => scanChunk(encode({ words: 1 }))).toThrow(/expected the chunk/);
    expect(() => scanChunk(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(/1 bytes after the words/);
  });
});

describe('Pagefind file framing', () => {
  test('wrap and unwrap round-trip; an already decompressed file is read as is', () => {
    const payload = new Uint8Array([1, 2, 3, 250]);
    expect([...unwrap(wrap(payload), 'x')]).toEqual([...payload]);
    expect([...unwrap(new Uint8Array([...Buffer.from('pagefind_dcd'), 9]), 'x')]).toEqual([9]);
  });
  test('a file without the signature is refused, naming it', () => {
    expect(() => unwrap(new Uint8Array([0x1f, 0x8b, 0, 0]), 'index/x.pf_index')).toThrow(/index\/x\.pf_index: not a Pagefind file/);
    expect(() => unwrap(gzipSync('no signature'), 'index/y.pf_index')).toThrow(/index\/y\.pf_index: not a Pagefind file \(no "pagefind_dcd"/);
  });
});

test('slimFragment keeps headings and titled anchors, drops the rest and the text of titled paragraphs', () => {
  const f = {
    anchors: [
      { element: 'h2', id: 'h', text: 'Heading', location: 1 },
      { element: 'p', id: 'p1', text: 'A long paragraph', title: '¶1', location: 2 },
      { element: 'a', id: 'cite-1', text: 'Trenin ¶7', location: 3 },
      { element: 'p', id: 'p2', text: 'Untitled', location: 4 },
      { element: 'p', id: 'p3', text: 'Blank title', title: ' ', location: 5 },
    ],
  };
  slimFragment(f);
  expect(f.anchors).toEqual([
    { element: 'h2', id: 'h', text: 'Heading', location: 1 },
    { element: 'p', id: 'p1', title: '¶1', location: 2 },
  ]);
});
