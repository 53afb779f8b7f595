/**
 * A deterministic synthetic corpus for the scale benchmark: n sources of
 * about `paragraphs` paragraphs each, plus manifest entries. Written to a
 * temporary project, never committed.
 *
 * Words are drawn from the seeds' own word frequencies (every word that
 * occurs at least twice in seeds/, as often as it occurs there), so the
 * corpus has the skew of real text: "the" is everywhere, "Kremlin" in about
 * one word in a thousand, and a word the seeds use once ("Kaliningrad")
 * stays rare. A vocabulary of a hundred equally common words would make
 * every word as common as "the" and every index entry as large.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS } from '../support/paths.ts';
const WORDS = (
  'the of and to in a is that for on with as by at from it this be are was were which has have had not but or an ' +
  'Russia Ukraine NATO Kremlin Moscow Kyiv Europe security treaty border ceasefire sanctions alliance expansion ' +
  'negotiation summit empire history Soviet collapse minority region territory army missile deal talks power ' +
  'president minister analyst argued said claimed warned noted policy strategy economy war peace order world'
).split(' ');

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Every word of the seeds that occurs at least twice, once per occurrence (sorted, so the draw is deterministic). */
export function seedVocabulary(dir = SEEDS): string[] {
  const counts = new Map<string, number>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort())
    for (const w of readFileSync(join(dir, f), 'utf8').match(/\p{L}[\p{L}\p{M}’'-]*/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].filter(([, c]) => c >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([w, c]) => Array<string>(c).fill(w));
}

export function syntheticSources(n: number, paragraphs: number, vocabulary = seedVocabulary()): { files: Record<string, string>; manifest: string } {
  const rand = prng(42);
  const word = () => vocabulary[Math.floor(rand() * vocabulary.length)]!;
  const sentence = () => {
    const w = Array.from({ length: 8 + Math.floor(rand() * 14) }, word);
    w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
    return `${w.join(' ')}.`;
  };
  const files: Record<string, string> = {};
  let manifest = '';
  for (let i = 1; i <= n; i++) {
    const id = `synthetic-${String(i).padStart(4, '0')}`;
    const body = Array.from({ length: paragraphs }, () => Array.from({ length: 2 + Math.floor(rand() * 4) }, sentence).join(' '));
    files[`${id}.txt`] = [`Synthetic source ${i}`, '', ...body.flatMap((p) => [p, ''])].join('\n');
    manifest += `- id: ${id}\n  file: ${id}.txt\n  title: Synthetic source ${i}\n  notes: Generated for the scale benchmark.\n`;
  }
  return { files, manifest };
}

/**
 * One long synthetic source of `n` non-blank lines, the worst case for
 * pull-quote detection: mostly one-sentence lines (every one a candidate),
 * with a longer paragraph every 10 lines, a line that repeats a sentence of
 * the paragraph before it every 50 lines, and one line repeated throughout.
 * Deterministic.
 */
export function syntheticLines(n: number): string {
  const rand = prng(7);
  const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const sentence = () => {
    const w = Array.from({ length: 8 + Math.floor(rand() * 14) }, word);
    w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
    return `${w.join(' ')}.`;
  };
  const lines: string[] = [];
  let last = '';
  for (let i = 0; i < n; i++) {
    if (i % 10 === 5) lines.push((last = [sentence(), sentence(), sentence()].join(' ')));
    else if (i % 50 === 7) lines.push(last.split('. ')[1]!.replace(/\.?$/, '.'));
    else if (i % 25 === 3) lines.push('The same line comes back again and again in this text.');
    else lines.push(sentence());
  }
  return lines.join('\n') + '\n';
}
