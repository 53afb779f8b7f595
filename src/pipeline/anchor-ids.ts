/**
 * Stage 4: give every block a stable anchor. An anchor is made from the
 * block's own text only (a few leading words plus a short hash), so rebuilding
 * yields the same ids and inserting or editing one paragraph changes no other
 * paragraph's id. Identical texts of the same kind get -2, -3 … in file order.
 */
import { createHash } from 'node:crypto';
import type { Anchor, Block, BlockKind, Paragraph } from './types.ts';
import { normaliseForMatch } from './normalise-text.ts';

const PREFIX: Record<BlockKind, string> = { article: 'p', furniture: 'furniture', comment: 'comment' };

/** ASCII slug of the first few words: "Putin is an opportunist." → "putin-is-an-opportunist". */
export function slugWords(text: string, max = 5): string {
  return normaliseForMatch(text)
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

/** The anchor a block of this kind and text gets (before de-duplication). */
export function anchorFor(kind: BlockKind, text: string): Anchor {
  const hash = createHash('sha256').update(normaliseForMatch(text)).digest('hex').slice(0, 6);
  const slug = slugWords(text);
  return [PREFIX[kind], slug, hash].filter(Boolean).join('-') as Anchor;
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
