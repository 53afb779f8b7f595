/**
 * A deterministic synthetic corpus for the scale benchmark: n sources of
 * about `paragraphs` paragraphs of plausible words each, plus manifest
 * entries. Written to a temporary project, never committed.
 */
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

export function syntheticSources(n: number, paragraphs: number): { files: Record<string, string>; manifest: string } {
  const rand = prng(42);
  const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;
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
