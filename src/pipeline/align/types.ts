/**
 * The data of the alignment stage: the texts it reads (paragraphs, with the
 * speech stage's spans) and the `Alignment` it returns (pairs, their
 * relations, flags and word diffs; dropped paragraphs).
 */
import type { SpeechSpan } from './attribution.ts';

/** What an aligned pair's flag says changed (src/pipeline/align/flags.ts and its neighbours check each). */
export type FlagType =
  | 'number-changed'
  | 'name-changed'
  | 'quote-not-verbatim'
  | 'attribution-changed'
  | 'hedge-dropped'
  | 'strength-changed'
  | 'claim-added';

export interface AlignFlag {
  type: FlagType;
  detail: string;
}

/** A paragraph as the pipeline makes it (a `Paragraph` fits). Only `article` ones are aligned. */
export interface AlignParagraph {
  anchor: string;
  text: string;
  kind: 'article' | 'furniture' | 'comment';
  role: string;
  n: number;
}

/** Speech spans of a text's paragraphs, by paragraph anchor (offsets into that paragraph's text). */
export type SpeechByAnchor =
  ReadonlyMap<string, readonly SpeechSpan[]> | Readonly<Record<string, readonly SpeechSpan[]>>;

export interface AlignText {
  id: string;
  paragraphs: readonly AlignParagraph[];
  /** Optional output of the speech stage; the attribution-changed flag needs it for both texts. */
  speech?: SpeechByAnchor;
}

export type Relation = 'same' | 'condensed' | 'merged' | 'altered' | 'added';

/** One part of a word diff from the original paragraph(s) to the derivative paragraph. */
export interface DiffPart {
  op: 'equal' | 'added' | 'removed';
  text: string;
}

export interface AlignedPair {
  /** Anchor of the derivative paragraph. */
  derivative: string;
  /** Anchors of the original paragraphs it comes from, in the original's order (empty when added). */
  original: string[];
  relation: Relation;
  flags: AlignFlag[];
  /** Word diff from the original paragraphs (joined by a blank line) to the derivative paragraph. */
  diff: DiffPart[];
}

export interface Alignment {
  derivative: string;
  original: string;
  /** How the derivative relates to the original, as the caller says (e.g. "rewrite", "republication"). */
  derivation: string;
  /** One per derivative article paragraph, in the derivative's order. */
  pairs: AlignedPair[];
  /** Original article paragraphs that no pair uses, in order. */
  dropped: string[];
}

export interface AlignOptions {
  /** Cosine at which a best match is an anchor (default 0.4). */
  strong?: number;
  /** Lowest cosine of any match (default 0.06). */
  weak?: number;
  /** Original paragraphs a weak match may lie beyond its neighbouring anchors (default 1). */
  slack?: number;
}
