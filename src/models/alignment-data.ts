/**
 * /data/alignments.json (documented in the README, "Data"): each derivative
 * source aligned with its original, without the word diffs (the texts are in
 * /data/paragraphs.json; the compare view shows the differences).
 */
import type { AlignFlag, Alignment, Relation } from '../pipeline/align.ts';

export interface AlignmentRecord {
  /** Source id of the derivative. */
  derivative: string;
  /** Source id of its original. */
  original: string;
  /** The manifest's `derivation`: rewrite, republication, translation or excerpt. */
  derivation: string;
  /** One per article paragraph of the derivative, in its order. */
  pairs: { derivative: string; original: string[]; relation: Relation; flags: AlignFlag[] }[];
  /** Article paragraphs of the original that no pair uses, in order. */
  dropped: string[];
}

/** The records, in the given order, with fields in the documented order. */
export function alignmentRecords(alignments: readonly Alignment[]): AlignmentRecord[] {
  return alignments.map((a) => ({
    derivative: a.derivative,
    original: a.original,
    derivation: a.derivation,
    pairs: a.pairs.map((p) => ({
      derivative: p.derivative,
      original: [...p.original],
      relation: p.relation,
      flags: p.flags.map((f) => ({ type: f.type, detail: f.detail })),
    })),
    dropped: [...a.dropped],
  }));
}
