/**
 * Stage 1: read the manifest and the source files. The only pipeline module
 * that touches the filesystem for sources; decoding is strict and pure.
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseManifest, SourceError, type ManifestEntry } from './manifest.ts';

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

/** Byte offset of the first invalid UTF-8 sequence (a literal U+FFFD in the file is skipped). */
function firstBadByte(bytes: Uint8Array): number {
  const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  for (let i = lossy.indexOf('\ufffd'); i !== -1; i = lossy.indexOf('\ufffd', i + 1)) {
    const at = encoder.encode(lossy.slice(0, i)).length;
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return -1;
}

/** Strict UTF-8 decode: invalid bytes are an error naming the file and offset; a BOM is dropped. */
export function decodeSource(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstBadByte(bytes);
    throw new SourceError(file, `is not valid UTF-8 (first bad byte at offset ${offset}); save it as UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new SourceError(file, 'is empty (no text besides whitespace)');
  return text;
}

/** Reads `sources.yaml` in `seedsDir` and every file it lists. Errors name the file. */
export function readSources(seedsDir: string, root = process.cwd()): SourceFile[] {
  const manifestPath = join(seedsDir, 'sources.yaml');
  const manifestLabel = relative(root, manifestPath) || manifestPath;
  if (!existsSync(manifestPath)) throw new SourceError(manifestLabel, 'not found: the manifest of sources is missing');
  const entries = parseManifest(readFileSync(manifestPath, 'utf8'), manifestLabel);
  return entries.map((entry) => {
    const full = join(seedsDir, entry.file);
    const path = relative(root, full) || full;
    if (!existsSync(full)) {
      throw new SourceError(manifestLabel, `entry "${entry.id}": field "file" names ${path}, which does not exist`);
    }
    const bytes = new Uint8Array(readFileSync(full));
    return {
      entry,
      path,
      bytes,
      text: decodeSource(bytes, path),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
    };
  });
}
