/**
 * Stage 1: read the manifest and the source files. The only pipeline module
 * that touches the filesystem for sources; decoding is strict and pure.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { entryLabel, fieldProblem, parseManifest, SourceError, type ManifestEntry } from './manifest.ts';
import type { SourceRule } from './errors.ts';

/** A source file as read: the original bytes and their decoded text. */
export interface SourceFile {
  entry: ManifestEntry;
  /** Path relative to the project root, for messages. */
  path: string;
  bytes: Uint8Array;
  /** Decoded text without a BOM; newlines untouched. */
  text: string;
  sha256: string;
  size: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Byte offset of the first invalid UTF-8 sequence (a literal U+FFFD in the file is skipped). */
function firstBadByte(bytes: Uint8Array): number {
  const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  for (let i = lossy.indexOf('\ufffd'); i !== -1; i = lossy.indexOf('\ufffd', i + 1)) {
    const at = encoder.encode(lossy.slice(0, i)).length;
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return -1;
}

/**
 * Says why `bytes` look like UTF-16 or UTF-32, or returns undefined. With a
 * byte-order mark that decides. Without one: in UTF-16 every character below
 * U+0900 (Latin, Greek, Cyrillic, Hebrew, Arabic …) has a high byte 00–08,
 * mostly 00, and such bytes are control characters, never text, in UTF-8. So a
 * high share of them at one parity of offsets and few at the other is taken
 * as UTF-16 (LE when they are at odd offsets).
 */
export function looksLikeUtf16(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32 LE (byte-order mark FF FE 00 00)';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 BE (byte-order mark 00 00 FE FF)';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 LE (byte-order mark FF FE)';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 BE (byte-order mark FE FF)';
  const pairs = Math.floor(bytes.length / 2);
  if (pairs < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i]! <= 0x08) even++;
    if (bytes[i + 1]! <= 0x08) odd++;
  }
  const describe = (order: string, n: number, parity: string) =>
    `${order} without a byte-order mark (${n} of ${pairs} bytes at ${parity} offsets are 00–08, high bytes of UTF-16 characters)`;
  if (odd / pairs >= 0.3 && even / pairs <= 0.05) return describe('UTF-16 LE', odd, 'odd');
  if (even / pairs >= 0.3 && odd / pairs <= 0.05) return describe('UTF-16 BE', even, 'even');
  return undefined;
}

/** Control characters a text may not contain: C0 except tab, LF and CR; DEL; C1. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const C0_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

/** `U+0000 (NUL)`, `U+007F (DEL)`, `U+0085 (C1 control)`. */
function nameControl(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${hex} (${code < 0x20 ? C0_NAMES[code] : code === 0x7f ? 'DEL' : 'C1 control'})`;
}

/**
 * Where string index `index` of `text` is: its byte offset in the file
 * (`bomBytes` added for a dropped BOM) and 1-based line and column; lines end
 * at LF, CRLF or CR (as split-paragraphs reads them), columns count code points.
 */
export function positionOf(text: string, index: number, bomBytes = 0): { byte: number; line: number; column: number } {
  const before = text.slice(0, index);
  const lines = before.split(/\r\n|\r|\n/);
  return {
    byte: bomBytes + encoder.encode(before).length,
    line: lines.length,
    column: [...lines[lines.length - 1]!].length + 1,
  };
}

/**
 * Nothing a reader can see: whitespace, format characters (zero-width
 * spaces and joiners, direction marks, soft hyphens, BOMs), other default-
 * ignorable code points, and control characters.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Zl}\p{Zp}]/gu;

/**
 * Strict decode of a source file. Throws a SourceError naming `file` when the
 * bytes look like UTF-16/UTF-32, are not valid UTF-8, contain a control
 * character other than tab, LF and CR (with its byte offset and line:column),
 * or have no visible text. A UTF-8 BOM is dropped; everything else is kept.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  const wide = looksLikeUtf16(bytes);
  if (wide) throw new SourceError(file, `looks like ${wide}; save it as UTF-8`, 'source-encoding');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstBadByte(bytes);
    throw new SourceError(file, `is not valid UTF-8 (first bad byte at offset ${offset}); save it as UTF-8`, 'source-encoding');
  }
  let bomBytes = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    bomBytes = 3;
  }
  const controls = [...text.matchAll(FORBIDDEN_CONTROL)];
  if (controls.length) {
    const first = controls[0]!;
    const at = positionOf(text, first.index, bomBytes);
    const count = controls.length === 1 ? 'a control character' : `${controls.length} control characters; the first is`;
    throw new SourceError(file,
      `contains ${count} ${nameControl(first[0])} at byte offset ${at.byte} (line ${at.line}, column ${at.column}); ` +
      'only tab, LF and CR are allowed: remove it or save the text as plain UTF-8', 'source-control-character');
  }
  if (text.replace(INVISIBLE, '') === '') {
    throw new SourceError(file, 'is empty: no visible text (only whitespace, zero-width or other invisible format characters)', 'source-empty');
  }
  return text;
}

/** `ENOENT: no such file or directory` from a Node fs error. */
function fsReason(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const message = err instanceof Error ? err.message.split(',')[0]!.replace(/^\w+: /, '') : '';
    return `${err.code}${message ? `: ${message}` : ''}`;
  }
  return String(err);
}

/**
 * Checks `seedsDir/name` on disk: it must be a regular file inside seedsDir
 * once symlinks are resolved. Returns its bytes, or a problem for the message.
 */
function readListedFile(seedsDir: string, realSeeds: string, name: string, labels: { path: string; seeds: string }): { bytes: Uint8Array } | { problem: string } {
  const { path, seeds } = labels;
  let real: string;
  try {
    real = realpathSync(join(seedsDir, name));
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') return { problem: `names ${path}, which does not exist (or is a broken symlink)` };
    return { problem: `names ${path}, which cannot be read (${fsReason(err)})` };
  }
  const inside = relative(realSeeds, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return { problem: `names ${path}, which resolves to ${real}, outside ${seeds}: a source must be a file inside ${seeds}` };
  }
  try {
    const stat = statSync(real);
    if (stat.isDirectory()) return { problem: `names ${path}, which is a folder, not a regular file` };
    if (!stat.isFile()) return { problem: `names ${path}, which is not a regular file` };
    return { bytes: new Uint8Array(readFileSync(real)) };
  } catch (err) {
    return { problem: `names ${path}, which cannot be read (${fsReason(err)})` };
  }
}

/**
 * Reads `sources.yaml` in `seedsDir` and every file it lists. Every `file`
 * must be a regular file inside `seedsDir` after resolving symlinks. Errors
 * name the manifest entry, field and value, or the source file and entry.
 */
export function readSources(seedsDir: string, root = process.cwd()): SourceFile[] {
  const manifestPath = join(seedsDir, 'sources.yaml');
  const manifestLabel = relative(root, manifestPath) || manifestPath;
  const seedsLabel = `${relative(root, seedsDir) || seedsDir}/`.replace(/\/+$/, '/');
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = readFileSync(manifestPath);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw new SourceError(manifestLabel, 'not found: the manifest of sources is missing', 'manifest-missing');
    throw new SourceError(manifestLabel, `cannot be read (${fsReason(err)})`, 'manifest-unreadable');
  }
  let manifestText: string;
  try {
    manifestText = utf8.decode(manifestBytes);
  } catch {
    throw new SourceError(manifestLabel, `is not valid UTF-8 (first bad byte at offset ${firstBadByte(manifestBytes)}); save it as UTF-8`, 'manifest-encoding');
  }
  const entries = parseManifest(manifestText, manifestLabel);
  let realSeeds: string;
  try {
    realSeeds = realpathSync(seedsDir);
  } catch (err) {
    throw new SourceError(seedsLabel, `cannot be read (${fsReason(err)})`, 'seeds-unreadable');
  }

  const problems: string[] = [];
  const read = entries.map((entry, i) => {
    const path = relative(root, join(seedsDir, entry.file)) || entry.file;
    const result = readListedFile(seedsDir, realSeeds, entry.file, { path, seeds: seedsLabel });
    if ('problem' in result) problems.push(fieldProblem(i, entry, 'file', result.problem));
    return { entry, path, bytes: 'bytes' in result ? result.bytes : undefined, index: i };
  });
  if (problems.length) throw new SourceError(manifestLabel, problems.join('\n  '), 'manifest-file');

  return read.map(({ entry, path, bytes, index }) => {
    let text: string;
    try {
      text = decodeSource(bytes!, path);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      throw new SourceError(path, `${err.detail}\n  listed in ${manifestLabel}: ${entryLabel(index, entry)}, field "file"`, err.rule as SourceRule);
    }
    return {
      entry,
      path,
      bytes: bytes!,
      text,
      sha256: createHash('sha256').update(bytes!).digest('hex'),
      size: bytes!.byteLength,
    };
  });
}
