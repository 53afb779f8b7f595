/**
 * Fingerprints of the anchor ledger: a text's words and word pairs are its
 * shingles; `text` hashes the word sequence, `sketch` keeps the SKETCH_SIZE
 * smallest shingle hashes, and containment estimates how much of an old text
 * a candidate block holds. Pure.
 */
import { hash } from 'node:crypto';

/** Shingle hashes kept per entry. */
export const SKETCH_SIZE = 32;

// ---------------------------------------------------------------------------
// Fingerprints
// ---------------------------------------------------------------------------

/** Words of a text for fingerprints: letters and digits, lower case, NFKC. */
export function fingerprintWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// One-shot hashing (crypto.hash): the same digest as createHash().update().digest(), at a fraction of the cost per call.
const hex = (s: string, n: number): string => hash('sha256', s, 'hex').slice(0, n);

/** Hashes of a text's shingles: each distinct word and each distinct pair of neighbouring words. */
export function shingleHashes(text: string): Set<string> {
  return shinglesOf(fingerprintWords(text));
}

function shinglesOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.length >= 4 || /\p{N}/u.test(words[i]!) || words.length < 2) out.add(hex(`1 ${words[i]}`, 8));
    if (i + 1 < words.length) out.add(hex(`2 ${words[i]} ${words[i + 1]}`, 8));
  }
  return out;
}

/** The fingerprint of a text: `{ text, sketch }` as the ledger stores them. */
export function fingerprint(text: string): { text: string; sketch: string } {
  const words = fingerprintWords(text);
  const sketch = [...shinglesOf(words)].sort().slice(0, SKETCH_SIZE);
  return { text: hex(words.join(' '), 12), sketch: sketch.join(' ') };
}

/** Share of the old text's sketch found among a candidate's shingles (0 when the sketch is empty). */
export function containment(sketch: string, candidate: Set<string>): number {
  const sample = sketch.split(' ').filter(Boolean);
  if (sample.length === 0) return 0;
  return sample.filter((h) => candidate.has(h)).length / sample.length;
}
