import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readSources, decodeSource } from '../../src/pipeline/read-sources.ts';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { SourceError } from '../../src/pipeline/manifest.ts';
import { FIXTURES, ROOT, SEEDS } from '../support/paths.ts';

const fixture = (name: string) => join(FIXTURES, 'sources', name);

describe('readSources on the real seeds', () => {
  const files = readSources(SEEDS, ROOT);
  test('reads all five sources listed in the manifest', () => {
    expect(files.map((f) => f.entry.id)).toEqual([
      'kottasova-cnn-2025', 'cnn-retelling-2025', 'kirichenko-2025', 'israel-2025', 'trenin-2021',
    ]);
  });
  test('keeps the original bytes and hashes them', () => {
    for (const f of files) {
      expect(f.size).toBe(f.bytes.byteLength);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.path).toBe(`seeds/${f.entry.file}`);
    }
  });
});

describe('bad input fails with a message naming the file', () => {
  test.each([
    ['missing-file', /sources\.yaml: entry "missing": field "file" names .*nowhere\.txt, which does not exist/],
    ['duplicate-id', /sources\.yaml: duplicate id "same"/],
    ['unknown-field', /sources\.yaml: entry 1 \(id "a"\): unknown field "titel"/],
    ['bad-yaml', /sources\.yaml: is not valid YAML/],
    ['bad-field-value', /field "id" must be a URL slug[\s\S]*field "title" is required[\s\S]*field "published" must be a date/],
    ['invalid-utf8', /invalid-utf8\/bad\.txt: is not valid UTF-8 \(first bad byte at offset 11\)/],
    ['empty-file', /empty-file\/empty\.txt: is empty/],
  ])('%s', (name, message) => {
    let error: unknown;
    try {
      loadSources(fixture(name), FIXTURES);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(message);
  });

  test('a missing manifest is named', () => {
    expect(() => readSources(join(FIXTURES, 'nowhere'), FIXTURES)).toThrow(/nowhere\/sources\.yaml: not found/);
  });
});

describe('decodeSource', () => {
  test('drops a UTF-8 BOM and keeps everything else', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0x42]);
    expect(decodeSource(bytes, 'x.txt')).toBe('A\r\nB');
  });
  test('a literal U+FFFD in the file is valid UTF-8', () => {
    expect(decodeSource(new TextEncoder().encode('a \ufffd b'), 'x.txt')).toBe('a \ufffd b');
  });
  test('reports the offset of the first invalid byte after a literal U+FFFD', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('\ufffd ok '), 0xc3, 0x28]);
    expect(() => decodeSource(bytes, 'x.txt')).toThrow('x.txt: is not valid UTF-8 (first bad byte at offset 7)');
  });
});

test('CRLF and a BOM are accepted and do not leak into the text', () => {
  const [source] = loadSources(fixture('bom-crlf'), FIXTURES);
  const texts = source!.paragraphs.map((p) => p.text);
  expect(texts[0]).toBe('Title line');
  expect(texts.join('\n')).not.toMatch(/[\r\ufeff]/);
  expect(source!.paragraphs.filter((p) => p.kind === 'article').map((p) => p.text)).toEqual([
    expect.stringMatching(/^This text has Windows line endings/),
    'Second paragraph.',
  ]);
});
