import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources, decodeSource, looksLikeUtf16, positionOf } from '../../src/pipeline/read-sources.ts';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { SourceError } from '../../src/pipeline/manifest.ts';
import { FIXTURES, ROOT, SEEDS } from '../support/paths.ts';
import { seedEntries } from '../support/corpus.ts';

const fixture = (name: string) => join(FIXTURES, 'sources', name);

describe('readSources on the real seeds', () => {
  const files = readSources(SEEDS, ROOT);
  test('reads every source listed in the manifest, in its order', () => {
    expect(files.map((f) => f.entry.id)).toEqual(seedEntries().map((e) => e.id));
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
    ['missing-file', /sources\.yaml: entry 1 \(id "missing"\): field "file" names sources\/missing-file\/nowhere\.txt, which does not exist \(or is a broken symlink\) \(got "nowhere\.txt"\)/],
    ['duplicate-id', /sources\.yaml: entry 2 \(id "same"\): field "id" must be unique: entry 1 \(id "same"\) has it too \(got "same"\)/],
    ['unknown-field', /sources\.yaml: entry 1 \(id "a"\): unknown field "titel"/],
    ['bad-yaml', /sources\.yaml: is not valid YAML/],
    ['bad-field-value', /field "id" must be a URL slug[\s\S]*field "title" is required[\s\S]*field "published" must be a real calendar date/],
    ['invalid-utf8', /invalid-utf8\/bad\.txt: is not valid UTF-8 \(first bad byte at offset 11\)/],
    ['empty-file', /empty-file\/empty\.txt: is empty: no visible text/],
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

/** The message readSources throws for a fixture folder (paths relative to FIXTURES). */
function errorOf(seedsDir: string, root = FIXTURES): string {
  try {
    readSources(seedsDir, root);
  } catch (err) {
    expect(err).toBeInstanceOf(SourceError);
    return (err as Error).message;
  }
  throw new Error(`readSources(${seedsDir}) did not fail`);
}

describe('file: a regular file inside the seeds folder, fs errors named', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('a symlink that resolves outside the folder', () => {
    const target = realpathSync(join(FIXTURES, 'sources/hostile/hostile.txt'));
    expect(errorOf(fixture('symlink-outside'))).toBe(
      `sources/symlink-outside/sources.yaml: entry 1 (id "outside"): field "file" names sources/symlink-outside/a.txt, which resolves to ${target}, outside sources/symlink-outside/: a source must be a file inside sources/symlink-outside/ (got "a.txt")`,
    );
  });

  test('a symlink to /etc/passwd', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    temps.push(dir);
    cpSync(fixture('hostile'), dir, { recursive: true });
    rmSync(join(dir, 'hostile.txt'));
    symlinkSync('/etc/passwd', join(dir, 'hostile.txt'));
    expect(errorOf(dir, dir)).toBe(
      `sources.yaml: entry 1 (id "hostile"): field "file" names hostile.txt, which resolves to /etc/passwd, outside ${dir}/: a source must be a file inside ${dir}/ (got "hostile.txt")`,
    );
  });

  test('a symlink that stays inside the folder is fine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    temps.push(dir);
    cpSync(fixture('hostile'), dir, { recursive: true });
    symlinkSync('hostile.txt', join(dir, 'link.txt'));
    writeFileSync(join(dir, 'sources.yaml'), '- id: linked\n  file: link.txt\n  title: Linked\n');
    const [file] = readSources(dir, dir);
    expect(file!.path).toBe('link.txt');
    expect(file!.text).toBe(readFileSync(join(dir, 'hostile.txt'), 'utf8'));
  });

  test('a symlink loop (ELOOP) is caught and named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    temps.push(dir);
    symlinkSync('loop.txt', join(dir, 'loop.txt'));
    writeFileSync(join(dir, 'sources.yaml'), '- id: loop\n  file: loop.txt\n  title: Loop\n');
    expect(errorOf(dir, dir)).toBe(
      'sources.yaml: entry 1 (id "loop"): field "file" names loop.txt, which cannot be read (ELOOP: too many symbolic links encountered) (got "loop.txt")',
    );
  });

  test('a folder named like a .txt file', () => {
    expect(errorOf(fixture('folder-file'))).toBe(
      'sources/folder-file/sources.yaml: entry 1 (id "folder"): field "file" names sources/folder-file/x.txt, which is a folder, not a regular file (got "x.txt")',
    );
  });

  test('a file name too long for the filesystem (ENAMETOOLONG) is caught and named', () => {
    const name = `${'n'.repeat(300)}.txt`;
    expect(errorOf(fixture('long-file-name'))).toBe(
      `sources/long-file-name/sources.yaml: entry 1 (id "long-name"): field "file" names sources/long-file-name/${name}, which cannot be read (ENAMETOOLONG: name too long) (got "${'n'.repeat(40)}"… (304 characters))`,
    );
  });

  test('several bad files are listed together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    temps.push(dir);
    cpSync(fixture('folder-file'), dir, { recursive: true });
    symlinkSync('/etc/passwd', join(dir, 'p.txt'));
    writeFileSync(join(dir, 'sources.yaml'), '- id: folder\n  file: x.txt\n  title: F\n- id: fine\n  file: README.txt\n  title: R\n- id: passwd\n  file: p.txt\n  title: P\n');
    writeFileSync(join(dir, 'README.txt'), 'Readable text.\n');
    expect(errorOf(dir, dir)).toBe([
      'sources.yaml: entry 1 (id "folder"): field "file" names x.txt, which is a folder, not a regular file (got "x.txt")',
      `entry 3 (id "passwd"): field "file" names p.txt, which resolves to /etc/passwd, outside ${dir}/: a source must be a file inside ${dir}/ (got "p.txt")`,
    ].join('\n  '));
  });
});

describe('decoding errors name the file, the position and the manifest entry', () => {
  test('UTF-16 without a byte-order mark', () => {
    expect(errorOf(fixture('utf16-le'))).toBe(
      'sources/utf16-le/utf16.txt: looks like UTF-16 LE without a byte-order mark (106 of 106 bytes at odd offsets are 00–08, high bytes of UTF-16 characters); save it as UTF-8\n' +
      '  listed in sources/utf16-le/sources.yaml: entry 1 (id "utf16"), field "file"',
    );
  });
  test('NUL and other control characters, with byte offset and line:column of the first', () => {
    expect(errorOf(fixture('control-char'))).toBe(
      'sources/control-char/nul.txt: contains 2 control characters; the first is U+0000 (NUL) at byte offset 36 (line 2, column 25); ' +
      'only tab, LF and CR are allowed: remove it or save the text as plain UTF-8\n' +
      '  listed in sources/control-char/sources.yaml: entry 1 (id "control"), field "file"',
    );
  });
  test('a file of only zero-width and other invisible characters', () => {
    expect(errorOf(fixture('invisible-only'))).toBe(
      'sources/invisible-only/invisible.txt: is empty: no visible text (only whitespace, zero-width or other invisible format characters)\n' +
      '  listed in sources/invisible-only/sources.yaml: entry 1 (id "invisible"), field "file"',
    );
  });
});

describe('decodeSource: encodings, control characters, visible text', () => {
  const sample = 'Title\nA paragraph, with “quotes” and a dash — here.\n';
  const utf16 = (text: string, order: 'le' | 'be', bom = false) => {
    const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
    if (order === 'be') le.swap16();
    return new Uint8Array(le);
  };
  test.each([
    ['le', false, 'looks like UTF-16 LE without a byte-order mark (49 of 52 bytes at odd offsets are 00–08, high bytes of UTF-16 characters); save it as UTF-8'],
    ['be', false, 'looks like UTF-16 BE without a byte-order mark (49 of 52 bytes at even offsets are 00–08, high bytes of UTF-16 characters); save it as UTF-8'],
    ['le', true, 'looks like UTF-16 LE (byte-order mark FF FE); save it as UTF-8'],
    ['be', true, 'looks like UTF-16 BE (byte-order mark FE FF); save it as UTF-8'],
  ] as const)('UTF-16 %s, BOM %s', (order, bom, message) => {
    expect(() => decodeSource(utf16(sample, order, bom), 'x.txt')).toThrow(`x.txt: ${message}`);
  });
  test('UTF-16 text with few NULs (Cyrillic, high bytes 04) is still recognised', () => {
    const bytes = utf16('Что хочет Путин?\nОн хочет, чтобы его боялись.\n', 'le');
    // 46 characters: 35 Cyrillic (high byte 04), 11 ASCII (high byte 00): all 46 odd bytes are 00–08.
    expect(() => decodeSource(bytes, 'x.txt')).toThrow(
      'x.txt: looks like UTF-16 LE without a byte-order mark (46 of 46 bytes at odd offsets are 00–08, high bytes of UTF-16 characters); save it as UTF-8',
    );
  });
  test('UTF-32 with a byte-order mark is named as such', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
    expect(() => decodeSource(bytes, 'x.txt')).toThrow('x.txt: looks like UTF-32 LE (byte-order mark FF FE 00 00); save it as UTF-8');
  });
  test('UTF-8 text (Latin, Cyrillic, CJK) is not mistaken for UTF-16', () => {
    for (const text of [sample, 'Путин хочет.\n', '普京想要什么\n', 'ab']) {
      expect(looksLikeUtf16(new TextEncoder().encode(text))).toBeUndefined();
    }
  });
  test.each([
    ['\u0000', 'U+0000 (NUL)'], ['\u0007', 'U+0007 (BEL)'], ['\u000b', 'U+000B (VT)'], ['\u000c', 'U+000C (FF)'],
    ['\u001b', 'U+001B (ESC)'], ['\u007f', 'U+007F (DEL)'], ['\u0085', 'U+0085 (C1 control)'], ['\u009f', 'U+009F (C1 control)'],
  ])('control character %j is rejected with its position', (char, name) => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`One\r\nTwo ü${char}x\n`)]);
    // BOM (3) + "One\r\n" (5) + "Two ü" (6 bytes) = offset 14; line 2, column 6.
    expect(() => decodeSource(bytes, 'x.txt')).toThrow(
      `x.txt: contains a control character ${name} at byte offset 14 (line 2, column 6); only tab, LF and CR are allowed`,
    );
  });
  test('tab, LF and CR are allowed, and so are non-control format characters in visible text', () => {
    expect(decodeSource(new TextEncoder().encode('a\tb\r\nc\rd\u200b\u00ade\n'), 'x.txt')).toBe('a\tb\r\nc\rd\u200b\u00ade\n');
  });
  test.each([
    ['zero-width spaces and joiners', '\u200b\u200c\u200d\u2060'],
    ['BOMs, soft hyphens and direction marks', '\ufeff\ufeff\u00ad\u200e\u200f\n'],
    ['no-break and ideographic spaces', '\u00a0\u3000\u2028\u2029\t\n'],
    ['Hangul fillers', '\u3164\u115f\n'],
  ])('only %s: no visible text', (_, text) => {
    expect(() => decodeSource(new TextEncoder().encode(text), 'x.txt')).toThrow('x.txt: is empty: no visible text');
  });
  test('positionOf counts lines at LF, CRLF and CR and columns in code points', () => {
    const text = 'a\r\nb\rc\n😀é|';
    // BOM 3 + "a\r\nb\rc\n" 7 + 😀 4 + é 2 bytes; line 4 (CRLF and CR each end one); column 3 (😀 is one code point).
    expect(positionOf(text, text.indexOf('|'), 3)).toEqual({ byte: 16, line: 4, column: 3 });
  });
});
