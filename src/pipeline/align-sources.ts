/**
 * Alignment of a whole corpus: every source whose manifest entry names an
 * original in the corpus (`derivedFrom`) is aligned with that original (its
 * direct original, not the first of a chain), with both texts' speech spans so
 * the attribution-changed flag can be judged. Pure: sources in, alignments out.
 *
 * A source with `derivation` but no `derivedFrom` (a republication whose
 * original is not in the corpus) has nothing to align with and yields no
 * alignment. A republication of a text that is in the corpus aligns trivially
 * when the text is the same: every pair `same`, nothing dropped (`isTrivial`).
 */
import { alignTexts, type AlignOptions, type AlignText, type Alignment, type Relation } from './align.ts';
import type { Source } from './load-sources.ts';

/** The alignment input for one source: its paragraphs and their speech spans. */
export function alignTextOf(source: Pick<Source, 'entry' | 'paragraphs'>): AlignText {
  const speech = new Map<string, NonNullable<Source['paragraphs'][number]['spans']>>();
  for (const p of source.paragraphs) if (p.spans) speech.set(p.anchor, p.spans);
  return { id: source.entry.id, paragraphs: source.paragraphs, speech };
}

/**
 * One alignment per source that is derived from another source of the corpus,
 * in the order of `sources`. A `derivedFrom` naming no source of the list is
 * skipped (the manifest forbids it; a caller passing part of a corpus gets the
 * alignments it can make).
 */
export function alignCorpus(
  sources: readonly Pick<Source, 'entry' | 'paragraphs'>[],
  options?: AlignOptions,
): Alignment[] {
  const byId = new Map<string, Pick<Source, 'entry' | 'paragraphs'>>(sources.map((s) => [s.entry.id, s]));
  const out: Alignment[] = [];
  for (const source of sources) {
    const from = source.entry.derivedFrom;
    const original = from === undefined ? undefined : byId.get(from);
    if (original === undefined) continue;
    out.push(
      alignTexts(
        {
          derivative: alignTextOf(source),
          original: alignTextOf(original),
          // The manifest requires `derivation` with `derivedFrom`.
          derivation: source.entry.derivation ?? 'unspecified',
        },
        options,
      ),
    );
  }
  return out;
}

/** Where a derivative paragraph comes from. */
export interface Counterpart {
  /** Id of the original source. */
  original: string;
  /** Anchors of the original paragraph(s), in the original's order. */
  anchors: string[];
  relation: Exclude<Relation, 'added'>;
}

/**
 * The original paragraph(s) the paragraph `anchor` of source `derivativeId`
 * comes from; undefined when that source has no alignment, the anchor is not
 * one of its aligned (article) paragraphs, or the paragraph is `added`.
 */
export function counterpartOf(
  alignments: readonly Alignment[],
  derivativeId: string,
  anchor: string,
): Counterpart | undefined {
  const alignment = alignments.find((a) => a.derivative === derivativeId);
  const pair = alignment?.pairs.find((p) => p.derivative === anchor);
  if (!alignment || !pair || pair.relation === 'added' || pair.original.length === 0) return undefined;
  return { original: alignment.original, anchors: [...pair.original], relation: pair.relation };
}

/** True when the derivative is the original's text: every paragraph `same`, none dropped. */
export function isTrivial(alignment: Pick<Alignment, 'pairs' | 'dropped'>): boolean {
  return (
    alignment.pairs.length > 0 && alignment.dropped.length === 0 && alignment.pairs.every((p) => p.relation === 'same')
  );
}
