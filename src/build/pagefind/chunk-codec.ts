/**
 * Pagefind's word index chunks, read and written at the byte level: the
 * CBOR of one chunk scanned into its words (each word's bytes kept as they
 * are) and joined back, in the format of the pinned Pagefind version.
 */


/**
 * A minimal reader of the CBOR Pagefind writes for index chunks (definite
 * arrays, text, integers): it walks a chunk without building its postings,
 * returning each word's text, size (Pagefind's measure) and encoded bytes,
 * so that words can be regrouped by concatenating bytes. Decoding a large
 * index with a general CBOR library builds tens of millions of numbers.
 */
function head(b: Uint8Array, p: number): [major: number, value: number, next: number] {
  const ib = b[p];
  if (ib === undefined) throw new Error('index chunk ends early');
  const major = ib >> 5;
  const ai = ib & 31;
  if (ai < 24) return [major, ai, p + 1];
  if (ai === 24) return [major, b[p + 1]!, p + 2];
  if (ai === 25) return [major, (b[p + 1]! << 8) | b[p + 2]!, p + 3];
  if (ai === 26) return [major, b[p + 1]! * 2 ** 24 + ((b[p + 2]! << 16) | (b[p + 3]! << 8) | b[p + 4]!), p + 5];
  if (ai === 27) return [major, Number(new DataView(b.buffer, b.byteOffset + p + 1, 8).getBigUint64(0)), p + 9];
  throw new Error(`index chunk: unexpected CBOR item 0x${ib.toString(16)} at byte ${p}`);
}

function want(b: Uint8Array, p: number, major: number, what: string): [value: number, next: number] {
  const [m, v, n] = head(b, p);
  if (m !== major) throw new Error(`index chunk: expected ${what} at byte ${p}, found CBOR major type ${m}`);
  return [v, n];
}

function skip(b: Uint8Array, p: number): number {
  const [m, v, n] = head(b, p);
  if (m === 0 || m === 1 || m === 7) return n;
  if (m === 2 || m === 3) return n + v;
  if (m === 6) return skip(b, n);
  let q = n;
  for (let i = 0; i < (m === 5 ? 2 * v : v); i++) q = skip(b, q);
  return q;
}

/** Pages of a word: per page [number, positions, metadata positions]; returns their size and where they end. */
function scanPages(b: Uint8Array, p: number): [size: number, next: number] {
  const [count, start] = want(b, p, 4, 'the pages of a word');
  let q = start;
  let size = 0;
  for (let i = 0; i < count; i++) {
    let fields: number;
    [fields, q] = want(b, q, 4, 'a page of a word');
    q = skip(b, q); // page number
    size += 1;
    for (let f = 1; f < fields; f++) {
      const [m, n] = head(b, q);
      if (m === 4) size += n; // positions, metadata positions
      q = skip(b, q);
    }
  }
  return [size, q];
}

export interface ScannedWord {
  word: string;
  size: number;
  bytes: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The words of one index chunk payload ([[word, pages, variants], …]), in order. */
export function scanChunk(b: Uint8Array): ScannedWord[] {
  const [outer, afterOuter] = want(b, 0, 4, 'the chunk');
  if (outer < 1) throw new Error('index chunk: empty');
  const [count, first] = want(b, afterOuter, 4, 'the words of the chunk');
  let p = first;
  const words: ScannedWord[] = [];
  for (let i = 0; i < count; i++) {
    const start = p;
    let fields: number;
    [fields, p] = want(b, p, 4, 'a word');
    let len: number;
    [len, p] = want(b, p, 3, "a word's text");
    const word = utf8.decode(b.subarray(p, p + len));
    p += len;
    let size: number;
    [size, p] = scanPages(b, p);
    if (fields > 2) {
      // Other spellings: [[text, pages], …]
      let variants: number;
      [variants, p] = want(b, p, 4, "a word's other spellings");
      for (let v = 0; v < variants; v++) {
        let vf: number;
        [vf, p] = want(b, p, 4, 'another spelling');
        p = skip(b, p);
        let vs: number;
        [vs, p] = scanPages(b, p);
        size += vs;
        for (let f = 2; f < vf; f++) p = skip(b, p);
      }
      for (let f = 3; f < fields; f++) p = skip(b, p);
    }
    words.push({ word, size, bytes: b.subarray(start, p) });
  }
  for (let i = 1; i < outer; i++) p = skip(b, p);
  if (p !== b.length) throw new Error(`index chunk: ${b.length - p} bytes after the words`);
  return words;
}

/** The CBOR head of a definite array of `n` items. */
function arrayHead(n: number): Uint8Array {
  if (n < 24) return Uint8Array.of(0x80 | n);
  if (n < 0x100) return Uint8Array.of(0x98, n);
  if (n < 0x10000) return Uint8Array.of(0x99, n >> 8, n & 0xff);
  return Uint8Array.of(0x9a, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}

/** A chunk payload of already encoded words: [[word, …]]. */
export function joinChunk(words: ScannedWord[]): Buffer {
  return Buffer.concat([arrayHead(1), arrayHead(words.length), ...words.map((w) => w.bytes)]);
}
