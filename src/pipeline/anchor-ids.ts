/**
 * Stage 4: give every block a stable anchor. An anchor is made from the
 * block's own text only (a few leading words plus a short hash), so rebuilding
 * yields the same ids and inserting or editing one paragraph changes no other
 * paragraph's id. Identical texts of the same kind get -2, -3 … in file order.
 *
 * Anchors have their own, versioned text normalisation (`normaliseForAnchor`),
 * independent of the one quotations are matched with (`normaliseForMatch`):
 * changing how quotes match must never rename a published anchor. Version 1
 * is frozen (it is what every id published so far was made with); a new
 * normalisation is a new version, and the anchor ledger
 * (`content/anchors.lock.json`, src/ledger/anchor-ledger.ts) keeps the ids
 * it renames resolving.
 */
import { createHash } from 'node:crypto';
import type { Anchor, Block, BlockKind, Paragraph } from './types.ts';

const PREFIX: Record<BlockKind, string> = { article: 'p', furniture: 'furniture', comment: 'comment' };

const ANCHOR_QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u00ab': '"', '\u00bb': '"',
};

/**
 * Anchor normalisations by version. Never edit a published version: add one.
 * v1: NFC, typographic quotes to straight ones, every run of whitespace to one space, trimmed.
 */
export const ANCHOR_NORMALISERS: Readonly<Record<number, (text: string) => string>> = {
  1: (text) =>
    text
      .normalize('NFC')
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, (ch) => ANCHOR_QUOTES[ch]!)
      .replace(/\s+/gu, ' ')
      .trim(),
};

/** The anchor normalisation this build uses (recorded in the anchor ledger). */
export const ANCHOR_NORMALISATION = 1;

/** The text an anchor is made from, under the current (or a given) anchor normalisation. */
export function normaliseForAnchor(text: string, version: number = ANCHOR_NORMALISATION): string {
  const normalise = ANCHOR_NORMALISERS[version];
  if (!normalise) throw new Error(`unknown anchor normalisation version ${version}`);
  return normalise(text);
}

/** ASCII slug of the first few words: "Putin is an opportunist." → "putin-is-an-opportunist". */
export function slugWords(text: string, max = 5): string {
  return normaliseForAnchor(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, max)
    .join('-')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** An anchor with this prefix for this text (before de-duplication): prefix, first words, hash. */
export function anchorWithPrefix(prefix: string, text: string): string {
  const hash = createHash('sha256').update(normaliseForAnchor(text)).digest('hex').slice(0, 6);
  const slug = slugWords(text);
  return [prefix, slug, hash].filter(Boolean).join('-');
}

/** The anchor a block of this kind and text gets (before de-duplication). */
export function anchorFor(kind: BlockKind, text: string): Anchor {
  return anchorWithPrefix(PREFIX[kind], text) as Anchor;
}

/** Ids made unique in order: the second "x" becomes "x-2", the third "x-3". */
export function dedupe(bases: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((base) => {
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    return times === 1 ? base : `${base}-${times}`;
  });
}

/**
 * Adds anchors and numbers. Article paragraphs are numbered ¶1, ¶2 … and
 * subheadings (article blocks with role `heading`) do not take a ¶ number:
 * they are numbered among themselves (1, 2 …), so that ¶ numbers count
 * paragraphs only. Furniture and comments are numbered within their kind.
 */
export function assignAnchors(blocks: Block[]): Paragraph[] {
  const seen = new Map<string, number>();
  const counters: Record<BlockKind | 'heading', number> = { article: 0, heading: 0, furniture: 0, comment: 0 };
  return blocks.map((block) => {
    const base = anchorFor(block.kind, block.text);
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    const anchor = (times === 1 ? base : `${base}-${times}`) as Anchor;
    const counter = block.kind === 'article' && block.role === 'heading' ? 'heading' : block.kind;
    return { ...block, anchor, n: ++counters[counter] };
  });
}
