/**
 * alignCorpus / counterpartOf / isTrivial: the corpus-level alignment the
 * build makes, on fixture sources (tests/fixtures/align/<case>/) and on the
 * real seeds as the pipeline builds them (with the CNN split override and the
 * speech spans), scored against the hand annotation of the real pair.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { alignCorpus, counterpartOf, isTrivial } from '../../src/pipeline/align-sources.ts';
import { loadSources, paragraphsOf, type Source } from '../../src/pipeline/load-sources.ts';
import type { ManifestEntry } from '../../src/pipeline/manifest.ts';
import { words } from '../../src/pipeline/normalise-text.ts';
import { containsRun } from '../../src/pipeline/align/text.ts';
import { FIXTURES, SEEDS } from '../support/paths.ts';

const read = (name: string, file: string) => readFileSync(join(FIXTURES, 'align', name, file), 'utf8');

/** A source made from fixture text (no speech spans unless given). */
function source(id: string, text: string, extra: Partial<ManifestEntry> = {}): Source {
  const entry = { id, file: `${id}.txt`, title: id, ...extra } as ManifestEntry;
  return {
    entry,
    path: `/fixtures/${id}.txt`,
    sha256: '0'.repeat(64),
    size: text.length,
    paragraphs: paragraphsOf(text),
  };
}

describe('alignCorpus on fixture sources', () => {
  const original = source('orig', read('dropped-added', 'original.txt'));
  const rewrite = source('rewrite', read('dropped-added', 'derivative.txt'), {
    derivedFrom: 'orig' as ManifestEntry['id'],
    derivation: 'rewrite',
  });
  const republished = source('copy', read('same', 'original.txt'), {
    derivedFrom: 'same-orig' as ManifestEntry['id'],
    derivation: 'republication',
  });
  const sameOriginal = source('same-orig', read('same', 'original.txt'));
  const elsewhere = source('elsewhere', read('same', 'original.txt'), { derivation: 'republication' });
  const alignments = alignCorpus([original, rewrite, republished, sameOriginal, elsewhere]);

  test('one alignment per source derived from a source of the corpus, in corpus order', () => {
    expect(alignments.map((a) => [a.derivative, a.original, a.derivation])).toEqual([
      ['rewrite', 'orig', 'rewrite'],
      ['copy', 'same-orig', 'republication'],
    ]);
  });

  test('a derivedFrom naming a source not passed in yields no alignment', () => {
    expect(alignCorpus([rewrite])).toEqual([]);
  });

  test('pairs carry the pipeline’s anchors; dropped and added paragraphs are kept', () => {
    const a = alignments[0]!;
    const dAnchors = rewrite.paragraphs.filter((p) => p.kind === 'article').map((p) => p.anchor);
    expect(a.pairs.map((p) => p.derivative)).toEqual(dAnchors);
    expect(a.pairs.map((p) => p.relation)).toEqual(['same', 'same', 'added', 'same']);
    expect(a.dropped).toEqual([original.paragraphs[2]!.anchor]);
  });

  test('a republication with the same text aligns trivially; a rewrite does not', () => {
    expect(isTrivial(alignments[1]!)).toBe(true);
    expect(isTrivial(alignments[0]!)).toBe(false);
    expect(isTrivial({ pairs: [], dropped: [] })).toBe(false);
  });

  test('counterpartOf: the original paragraph(s) of a derivative paragraph; undefined for added, unknown source or anchor', () => {
    const [d1, , d3] = rewrite.paragraphs;
    expect(counterpartOf(alignments, 'rewrite', d1!.anchor)).toEqual({
      original: 'orig',
      anchors: [original.paragraphs[0]!.anchor],
      relation: 'same',
    });
    expect(counterpartOf(alignments, 'rewrite', d3!.anchor)).toBeUndefined();
    expect(counterpartOf(alignments, 'orig', original.paragraphs[0]!.anchor)).toBeUndefined();
    expect(counterpartOf(alignments, 'rewrite', 'p-no-such-anchor')).toBeUndefined();
    // The result is a copy: changing it leaves the alignment alone.
    counterpartOf(alignments, 'rewrite', d1!.anchor)!.anchors.push('x');
    expect(alignments[0]!.pairs[0]!.original).toHaveLength(1);
  });
});

describe('alignCorpus on the real seeds (as the build makes them)', () => {
  const sources = loadSources(SEEDS);
  const alignments = alignCorpus(sources);
  const by = (id: string) => sources.find((s) => s.entry.id === id)!;

  test('exactly the manifest’s derivedFrom links are aligned; a republication of an original outside the corpus is not', () => {
    const derived = sources
      .filter((s) => s.entry.derivedFrom !== undefined)
      .map((s) => [s.entry.id, s.entry.derivedFrom]);
    expect(alignments.map((a) => [a.derivative, a.original])).toEqual(derived);
    expect(alignments.some((a) => a.derivative === 'trenin-2021')).toBe(false);
  });

  test('speech spans reach the aligner: attribution-changed is judged with them and not without', () => {
    const flagged = (as: typeof alignments) =>
      as.flatMap((a) => a.pairs.flatMap((p) => p.flags)).filter((f) => f.type === 'attribution-changed').length;
    expect(flagged(alignments)).toBeGreaterThan(0);
    const noSpeech = sources.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => ({ ...p, spans: undefined })) }));
    expect(flagged(alignCorpus(noSpeech))).toBe(0);
  });

  // The README's agreement figure: the hand annotation scored against the
  // alignment the build publishes (CNN split applied, speech spans given).
  interface Annotation {
    derivative: string;
    original: string;
    pairs: { derivative: string; original: string[]; optional?: string[] }[];
    dropped: string[];
  }
  const annotation = JSON.parse(
    readFileSync(join(FIXTURES, 'align/real-cnn-retelling/annotation.json'), 'utf8'),
  ) as Annotation;
  const resolve = (key: string, s: Source) => {
    const hits = s.paragraphs.filter((p) => p.kind === 'article' && containsRun(words(p.text), words(key)));
    if (hits.length !== 1) throw new Error(`annotation key "${key}" matches ${hits.length} paragraphs`);
    return hits[0]!.anchor as string;
  };
  const MEASURED_AGREED = 20;

  test(`agrees with the hand annotation on ${MEASURED_AGREED} of ${annotation.pairs.length} retelling paragraphs (README figure)`, () => {
    const d = by(annotation.derivative);
    const o = by(annotation.original);
    const a = alignments.find((x) => x.derivative === annotation.derivative)!;
    let agreed = 0;
    for (const p of annotation.pairs) {
      const want = new Set(p.original.map((k) => resolve(k, o)));
      const may = new Set((p.optional ?? []).map((k) => resolve(k, o)));
      const got = counterpartOf(alignments, d.entry.id, resolve(p.derivative, d))?.anchors ?? [];
      if ([...want].every((x) => got.includes(x)) && got.every((x) => want.has(x) || may.has(x))) agreed++;
    }
    expect(agreed).toBe(MEASURED_AGREED);
    const expectedDropped = new Set(annotation.dropped.map((k) => resolve(k, o)));
    console.info(
      `real pair: ${agreed}/${annotation.pairs.length} as annotated; dropped ${a.dropped.filter((x) => expectedDropped.has(x)).length}/${expectedDropped.size} right, ${a.dropped.length} listed`,
    );
  });
});
