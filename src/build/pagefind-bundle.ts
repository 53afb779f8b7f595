/**
 * Post-processing of the bundle Pagefind writes (dist/pagefind/), so that a
 * first search fetches less. Two changes, both to files Pagefind itself
 * reads back, in the formats of the pinned Pagefind version (1.6.0; any
 * other version is left alone rather than guessed at):
 *
 * 1. Word index chunks. Pagefind cuts its sorted word index into chunks of
 *    about 20,000 word positions (a constant in its indexer) and a search
 *    fetches, per query term, the one chunk whose range holds the term: at
 *    seed scale that is ~31 kB gzip per term for an index of ~44,000
 *    positions. We re-cut the same words into chunks of a size that grows
 *    with the square root of the index (see chunkTarget), which balances the
 *    chunk list every search loads (in the metadata file) against the chunk a
 *    term loads. Cuts fall where neighbouring words share the shortest prefix
 *    (see packWords): a term loads one chunk only, so words that extend the
 *    same prefix should sit in the same chunk for prefix matches to be found.
 *
 * 2. Fragments. Every element with an id becomes an "anchor" in a page's
 *    fragment, with its whole text. Pagefind's client uses an anchor only
 *    when it is a heading (h1–h6, for its text) or carries a
 *    data-pagefind-title; the rest (citation markers, paragraph text
 *    repeated) are bytes a result never uses. We drop those anchors and the
 *    text of titled, non-heading anchors.
 *
 * Every file written is named by the hash of its new content (`_headers`
 * marks index/ and fragment/ immutable for a year). A bundle of another
 * Pagefind version is left as Pagefind wrote it (BundleFormatError; the
 * integration warns once and serves it).
 *
 * Every file keeps Pagefind's framing: gzip of "pagefind_dcd" + payload.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, encode } from 'cborg';
import { scanChunk, joinChunk, type ScannedWord } from './pagefind/chunk-codec.ts';

export { type ScannedWord, scanChunk, joinChunk } from './pagefind/chunk-codec.ts';

/** The Pagefind version whose formats this module reads and writes. */
export const PAGEFIND_FORMAT_VERSION = '1.6.0';
const SIGNATURE = 'pagefind_dcd';

/**
 * A word's postings as Pagefind 1.6 encodes them: per page (numbers
 * delta-coded), its positions (negative numbers change the weight of the
 * positions after them) and its positions in metadata fields; then the
 * word's other spellings (diacritics) with their own postings.
 */
export type PackedPage = [page: number, locs: number[], metaLocs?: number[]];
export type PackedWord = [word: string, pages: PackedPage[], variants?: [string, PackedPage[]][]];
type MetaChunk = [from: string, to: string, hash: string];
/** Pagefind 1.6 metadata: pages are [fragment hash, word count, fragment group hash or ""]. */
export type Meta = [version: string, pages: [string, number, string?][], chunks: MetaChunk[], ...rest: unknown[]];
type Fragment = Parameters<typeof slimFragment>[0];

/** Unwraps a Pagefind file: gunzip when compressed, then the signature is checked and removed. */
export function unwrap(bytes: Uint8Array, file: string): Uint8Array {
  const sig = (b: Uint8Array) => Buffer.from(b.subarray(0, SIGNATURE.length)).toString('latin1') === SIGNATURE;
  let raw = bytes;
  if (!sig(bytes))
    try {
      raw = new Uint8Array(gunzipSync(bytes));
    } catch (err) {
      throw new Error(`${file}: not a Pagefind file (${(err as Error).message})`, { cause: err });
    }
  if (!sig(raw)) throw new Error(`${file}: not a Pagefind file (no "${SIGNATURE}" signature after decompression)`);
  return raw.subarray(SIGNATURE.length);
}

/**
 * Wraps a payload as Pagefind writes its files: gzip of the signature and the
 * payload. Level 9 for the index and metadata (fetched by every search);
 * fragments, the bulk of a large bundle, use zlib's default level (as
 * Pagefind does), which compresses several times faster for 1–2% more bytes.
 */
export function wrap(payload: Uint8Array, level = 9): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), payload]), { level });
}

const pagesSize = (pages: PackedPage[]) => pages.reduce((n, [, locs, metaLocs]) => n + locs.length + (metaLocs?.length ?? 0) + 1, 0);
/** Pagefind's measure of a word's size in a chunk: per page, its positions plus one (other spellings included). */
export const wordSize = ([, pages, variants]: PackedWord) => pagesSize(pages) + (variants ?? []).reduce((n, [, v]) => n + pagesSize(v), 0);

/**
 * The chunk size (in Pagefind's measure) for an index of `total` positions.
 * A first search loads the whole chunk list (about 30 bytes a chunk) and one
 * chunk per term (about 1.5 bytes a position, gzipped): with c chunks the
 * bytes are ≈ 30·c + k·1.5·total/c for k terms, least at c = √(k·total/20);
 * for two-term queries the chunk size is then √(10·total). Never below 500
 * positions (tiny indexes stay in a few chunks) nor above Pagefind's 20,000.
 */
export function chunkTarget(total: number): number {
  return Math.min(20_000, Math.max(500, Math.round(Math.sqrt(10 * total))));
}

/**
 * Cuts sorted words into chunks of about `target` positions, at the
 * shallowest prefix level that allows it: words are grouped by their first
 * character, groups are packed greedily up to the target, and only a group
 * that alone exceeds the target is cut inside, by its first two characters,
 * and so on. A cut between two words that share d leading characters can
 * separate the extensions of a prefix of at most d characters; any longer
 * prefix has all its extensions on one side. A word stays in one chunk with
 * every word it is a prefix of (so a whole-word query finds its extensions,
 * as it would in one big index) unless those together exceed `cap`
 * positions; one word is never cut.
 */
export function packWords(words: PackedWord[], target: number, cap = 4 * target): PackedWord[][] {
  return packSizes(words.map(([w]) => w), words.map(wordSize), target, cap).map((chunk) => chunk.map((i) => words[i]!));
}

/** packWords on words given as their text and size: the chunks as lists of word numbers. */
export function packSizes(keys: string[], sizes: number[], target: number, cap = 4 * target): number[][] {
  const chars = keys.map((w) => [...w]);
  const prefix = (i: number, n: number) => chars[i]!.slice(0, n).join('');
  const chunks: number[][] = [];
  let current: number[] = [];
  let currentSize = 0;
  const flush = () => {
    if (current.length) chunks.push(current);
    current = [];
    currentSize = 0;
  };
  const sizeOf = (from: number, to: number) => {
    let n = 0;
    for (let k = from; k < to; k++) n += sizes[k]!;
    return n;
  };
  /** Packs words[from, to), which all share their first `depth` characters. */
  const pack = (from: number, to: number, depth: number) => {
    // A word exactly `depth` long is the prefix every word of the range extends: keep the range whole when it may.
    if (chars[from]!.length === depth && to - from > 1 && currentSize === 0 && sizeOf(from, to) <= cap) {
      for (let k = from; k < to; k++) current.push(k);
      currentSize = sizeOf(from, to);
      if (currentSize >= target) flush();
      return;
    }
    let i = from;
    while (i < to) {
      // The group of words that share their first depth + 1 characters (a word `depth` long is a group of its own).
      let j = i + 1;
      if (chars[i]!.length > depth) {
        const key = prefix(i, depth + 1);
        while (j < to && prefix(j, depth + 1) === key) j++;
      }
      const size = sizeOf(i, j);
      if (currentSize > 0 && currentSize + size > target) {
        flush();
        continue; // the same group, now against an empty chunk
      }
      if (size > target && j - i > 1) pack(i, j, depth + 1);
      else {
        for (let k = i; k < j; k++) current.push(k);
        currentSize += size;
      }
      if (currentSize >= target) flush();
      i = j;
    }
  };
  if (keys.length) pack(0, keys.length, 0);
  flush();
  return chunks;
}

const shortHash = (language: string, bytes: Uint8Array) => `${language}_${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}`;

/** Drops the anchors Pagefind's client never reads, and the unused text of titled non-heading anchors. */
export function slimFragment(fragment: { anchors?: { element: string; id: string; text?: string; title?: string; location: number }[] }): void {
  if (!fragment.anchors) return;
  const heading = (a: { element: string }) => /^h\d$/i.test(a.element);
  fragment.anchors = fragment.anchors
    .filter((a) => heading(a) || (a.title !== undefined && /\S/.test(a.title)))
    .map((a) => {
      if (heading(a)) return a;
      const { text, ...rest } = a;
      void text;
      return rest;
    });
}

export interface BundleReport {
  language: string;
  positions: number;
  words: number;
  chunksBefore: number;
  chunksAfter: number;
  target: number;
  fragments: number;
  fragmentBytesBefore: number;
  fragmentBytesAfter: number;
}

export interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
}

/** A bundle's entry file (pagefind-entry.json), which names each language's metadata. */
export function readEntry(dir: string): { file: string; entry: Entry } {
  const file = join(dir, 'pagefind-entry.json');
  return { file, entry: JSON.parse(readFileSync(file, 'utf8')) as Entry };
}

/** The metadata file `pagefind.<hash>.pf_meta` of a bundle, decoded. */
export function readMeta(dir: string, hash: string): { file: string; meta: Meta } {
  const file = join(dir, `pagefind.${hash}.pf_meta`);
  return { file, meta: decode(unwrap(readFileSync(file), file), { useMaps: false }) as Meta };
}

/**
 * The bundle is not in a format this module knows (another Pagefind version,
 * or a file that does not read as 1.6.0 writes it). Thrown before anything in
 * the bundle changed: Pagefind's own bundle is intact and usable.
 */
export class BundleFormatError extends Error {
  override name = 'BundleFormatError';
}

/**
 * Re-chunks the word index and slims the fragments of the Pagefind bundle in
 * `dir` (dist/pagefind), in place. Every file it writes is named by the hash of
 * its content (index chunks, fragments and fragment groups, metadata), since
 * `_headers` marks index/ and fragment/ immutable for a year: a file whose
 * content changes gets a new name. It works in two phases: it reads and checks
 * everything first (a format it does not know is a BundleFormatError, the
 * bundle untouched), then writes the new files beside the old ones, switches
 * pagefind-entry.json to the new metadata, and only then removes the files
 * nothing names any more. A failure while writing removes what it wrote.
 */
export function optimiseBundle(dir: string, opts: { target?: (positions: number) => number; onText?: (text: string) => void } = {}): BundleReport[] {
  let entryFile: string;
  let entry: Entry;
  try {
    ({ file: entryFile, entry } = readEntry(dir));
  } catch (err) {
    throw new BundleFormatError(`${join(dir, 'pagefind-entry.json')}: ${(err as Error).message}`, { cause: err });
  }
  if (entry.version !== PAGEFIND_FORMAT_VERSION)
    throw new BundleFormatError(`${entryFile}: Pagefind ${entry.version} wrote this bundle, but src/build/pagefind-bundle.ts knows the formats of ${PAGEFIND_FORMAT_VERSION} only. Check the formats of the new version (index chunks, metadata, fragments) and update PAGEFIND_FORMAT_VERSION.`);

  // Phase 1: read and check every language's metadata and index (nothing is written).
  const languages = Object.entries(entry.languages).map(([language, info]) => {
    let metaFile: string;
    let meta: Meta;
    try {
      ({ file: metaFile, meta } = readMeta(dir, info.hash));
    } catch (err) {
      throw new BundleFormatError((err as Error).message, { cause: err });
    }
    if (meta[0] !== PAGEFIND_FORMAT_VERSION) throw new BundleFormatError(`${metaFile}: written by Pagefind ${String(meta[0])}, expected ${PAGEFIND_FORMAT_VERSION}`);
    if (!Array.isArray(meta[1]) || !Array.isArray(meta[2])) throw new BundleFormatError(`${metaFile}: not the metadata of Pagefind ${PAGEFIND_FORMAT_VERSION} (pages and chunks)`);
    const words: ScannedWord[] = [];
    const oldChunks: string[] = [];
    for (const [, , hash] of meta[2]) {
      const file = join(dir, 'index', `${hash}.pf_index`);
      try {
        words.push(...scanChunk(unwrap(readFileSync(file), file)));
      } catch (err) {
        throw new BundleFormatError(`${file}: ${(err as Error).message}`, { cause: err });
      }
      oldChunks.push(file);
    }
    return { language, info, metaFile, meta, words, oldChunks };
  });

  // Phase 2: new files beside the old ones, then the entry, then the old files go.
  const written = new Set<string>();
  const obsolete = new Set<string>();
  const put = (file: string, bytes: Uint8Array) => {
    if (!existsSync(file)) written.add(file); // an unchanged file keeps its name and is not rewritten
    else return;
    writeFileSync(file, bytes);
  };
  const reports: BundleReport[] = [];
  try {
    for (const { language, info, metaFile, meta, words, oldChunks } of languages) {
      // 1. Word index: all words in order, re-cut (words move as their encoded bytes).
      const positions = words.reduce((n, w) => n + w.size, 0);
      const target = (opts.target ?? chunkTarget)(positions);
      const chunks: MetaChunk[] = packSizes(words.map((w) => w.word), words.map((w) => w.size), target).map((numbers) => {
        const chunk = numbers.map((i) => words[i]!);
        const payload = joinChunk(chunk);
        const hash = shortHash(language, payload);
        put(join(dir, 'index', `${hash}.pf_index`), wrap(payload));
        return [chunk[0]!.word, chunk.at(-1)!.word, hash];
      });
      const chunksBefore = meta[2].length;
      for (const f of oldChunks) obsolete.add(f);
      meta[2] = chunks;
      // 2. Fragments of this language's pages: one file each, or several in a group file (hash → fragment);
      //    each written under the hash of its new content, and the metadata's pages renamed to match.
      let before = 0;
      let after = 0;
      const renamed = new Map<string, string>();
      for (const [hash, , group] of meta[1]) {
        const name = group ? `group:${group}` : hash;
        if (renamed.has(name)) continue;
        const grouped = name.startsWith('group:');
        const file = join(dir, 'fragment', `${grouped ? group! : hash}.pf_fragment`);
        if (!existsSync(file)) throw new BundleFormatError(`${file}: named by ${metaFile} but missing`);
        const bytes = readFileSync(file);
        let data: Fragment | Record<string, Fragment>;
        try {
          data = JSON.parse(Buffer.from(unwrap(bytes, file)).toString('utf8')) as Fragment | Record<string, Fragment>;
        } catch (err) {
          throw new BundleFormatError(`${file}: ${(err as Error).message}`, { cause: err });
        }
        const fragments = grouped ? Object.values(data as Record<string, Fragment>) : [data as Fragment];
        fragments.forEach(slimFragment);
        if (opts.onText) for (const f of fragments) opts.onText((f as { content?: string }).content ?? '');
        const payload = Buffer.from(JSON.stringify(data), 'utf8');
        const newHash = shortHash(language, payload);
        const out = wrap(payload, 6);
        put(join(dir, 'fragment', `${newHash}.pf_fragment`), out);
        obsolete.add(file);
        renamed.set(name, newHash);
        before += bytes.byteLength;
        after += out.byteLength;
      }
      // A single page's fragment is named by the page's hash; a group's by the group's (its keys stay the pages' hashes).
      meta[1] = meta[1].map(([hash, count, group]) => (group ? [hash, count, renamed.get(`group:${group}`)!] : [renamed.get(hash)!, count, ...(group === undefined ? [] : [group])])) as Meta[1];
      // 3. The metadata under a new name, and the entry pointing at it.
      const metaPayload = encode(meta);
      const metaHash = shortHash(language, metaPayload);
      put(join(dir, `pagefind.${metaHash}.pf_meta`), wrap(metaPayload));
      obsolete.add(metaFile);
      info.hash = metaHash;
      reports.push({ language, positions, words: words.length, chunksBefore, chunksAfter: chunks.length, target, fragments: meta[1].length, fragmentBytesBefore: before, fragmentBytesAfter: after });
    }
  } catch (err) {
    for (const f of written) rmSync(f, { force: true });
    throw err;
  }
  writeFileSync(entryFile, JSON.stringify(entry));
  const kept = new Set([...written, ...languages.flatMap(({ meta, info }) => [
    ...meta[2].map(([, , h]) => join(dir, 'index', `${h}.pf_index`)),
    ...meta[1].map(([h, , g]) => join(dir, 'fragment', `${g || h}.pf_fragment`)),
    join(dir, `pagefind.${info.hash}.pf_meta`),
  ])]);
  for (const f of obsolete) if (!kept.has(f)) rmSync(f, { force: true });
  return reports;
}

/**
 * The text of every page in a bundle this module may not know the formats of
 * (for the vocabulary, when the re-cut is skipped): fragments read as Pagefind
 * 1.x writes them (gzip of the signature and JSON). A fragment that does not
 * read so is skipped; returns how many were.
 */
export function bundleTexts(dir: string, onText: (text: string) => void): { read: number; skipped: number } {
  const folder = join(dir, 'fragment');
  let read = 0;
  let skipped = 0;
  if (!existsSync(folder)) return { read, skipped };
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.pf_fragment'))) {
    const file = join(folder, name);
    try {
      const data = JSON.parse(Buffer.from(unwrap(readFileSync(file), file)).toString('utf8')) as Record<string, unknown>;
      const fragments = typeof data.content === 'string' ? [data] : Object.values(data);
      for (const f of fragments) onText(String((f as { content?: unknown }).content ?? ''));
      read++;
    } catch {
      skipped++;
    }
  }
  return { read, skipped };
}