/**
 * optimiseBundle (src/build/pagefind-bundle.ts) on the Pagefind bundle of the
 * built dist/: the re-cut index, idempotence, refusal of another format, and
 * names by content hash. Its in-process unit tests, on invented words, are in
 * tests/build/pagefind-bundle.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'cborg';
import { BundleFormatError, optimiseBundle, readEntry, readMeta, unwrap, wrap, type PackedWord } from '../../src/build/pagefind-bundle.ts';
import { DIST } from '../support/paths.ts';

/** Every file of a folder and its bytes (hex digest), to show nothing changed. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((f) => [f.slice(dir.length), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );

describe('optimiseBundle on the built site', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagefind-bundle-'));
    cpSync(join(DIST, 'pagefind'), dir, { recursive: true });
    return dir;
  };

  test('the built bundle holds every word once, in order, in chunks its metadata names with their first and last word', () => {
    const dir = join(DIST, 'pagefind');
    const { entry } = readEntry(dir);
    const { meta } = readMeta(dir, entry.languages.en!.hash);
    expect(meta[0]).toBe(entry.version);
    expect(readdirSync(join(dir, 'index')).sort()).toEqual(meta[2].map(([, , h]) => `${h}.pf_index`).sort());
    const all: string[] = [];
    for (const [from, to, hash] of meta[2]) {
      const file = join(dir, 'index', `${hash}.pf_index`);
      const [words] = decode(unwrap(readFileSync(file), file)) as [PackedWord[]];
      expect([words[0]![0], words.at(-1)![0]]).toEqual([from, to]);
      all.push(...words.map((w) => w[0]));
    }
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1))).toEqual(all);
    expect(all).toEqual(expect.arrayContaining(['nato', 'ukrain', 'putin']));
    expect(meta[2].length).toBeGreaterThan(10); // re-cut: Pagefind alone writes 3 chunks for this index
  });

  test('running it again keeps every word and every page (idempotent in content)', () => {
    const dir = copy();
    try {
      const [first] = optimiseBundle(dir);
      const [second] = optimiseBundle(dir);
      expect(second!.words).toBe(first!.words);
      expect(second!.positions).toBe(first!.positions);
      expect(second!.chunksAfter).toBe(first!.chunksAfter);
      expect(second!.fragmentBytesAfter).toBe(second!.fragmentBytesBefore);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bundle from another Pagefind version is left as it is, with what to check', () => {
    const dir = copy();
    try {
      const file = join(dir, 'pagefind-entry.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"version":"[^"]+"/, '"version":"9.9.9"'));
      const before = snapshot(dir);
      expect(() => optimiseBundle(dir)).toThrow(BundleFormatError);
      expect(() => optimiseBundle(dir)).toThrow(/Pagefind 9\.9\.9 wrote this bundle.*1\.6\.0/s);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an index chunk that does not read as 1.6.0 writes it leaves the bundle as it is', () => {
    const dir = copy();
    try {
      const { entry } = readEntry(dir);
      const { meta } = readMeta(dir, entry.languages.en!.hash);
      writeFileSync(join(dir, 'index', `${meta[2][0]![2]}.pf_index`), wrap(Buffer.from([0xa1, 0x01, 0x02])));
      const before = snapshot(dir);
      expect(() => optimiseBundle(dir)).toThrow(BundleFormatError);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every index chunk, fragment and metadata file of the built bundle is named by the hash of its content, and named by the metadata', () => {
    const dir = join(DIST, 'pagefind');
    const named = (file: string) => `en_${createHash('sha256').update(unwrap(readFileSync(file), file)).digest('hex').slice(0, 10)}`;
    const { entry } = readEntry(dir);
    const { meta } = readMeta(dir, entry.languages.en!.hash);
    expect(named(join(dir, `pagefind.${entry.languages.en!.hash}.pf_meta`))).toBe(entry.languages.en!.hash);
    for (const sub of ['index', 'fragment']) for (const f of readdirSync(join(dir, sub))) expect(f.replace(/\.pf_\w+$/, '')).toBe(named(join(dir, sub, f)));
    expect(readdirSync(join(dir, 'fragment')).sort()).toEqual([...new Set(meta[1].map(([h, , g]) => `${g || h}.pf_fragment`))].sort());
    expect(readdirSync(dir).filter((f) => f.endsWith('.pf_meta'))).toEqual([`pagefind.${entry.languages.en!.hash}.pf_meta`]);
  });

  test('a fragment whose content changes gets a new name; the old file goes', () => {
    const dir = copy();
    try {
      const { entry } = readEntry(dir);
      const { meta } = readMeta(dir, entry.languages.en!.hash);
      const [hash] = meta[1][0]!;
      const file = join(dir, 'fragment', `${hash}.pf_fragment`);
      const data = JSON.parse(Buffer.from(unwrap(readFileSync(file), file)).toString('utf8')) as { content: string };
      data.content += ' changed';
      writeFileSync(file, wrap(Buffer.from(JSON.stringify(data))));
      optimiseBundle(dir);
      const after = readMeta(dir, readEntry(dir).entry.languages.en!.hash).meta;
      expect(after[1][0]![0]).not.toBe(hash);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(join(dir, 'fragment', `${after[1][0]![0]}.pf_fragment`))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
