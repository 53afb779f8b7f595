/**
 * Shared types of the source pipeline. Ids are branded strings so that a
 * source id, a paragraph anchor and a thesis slug cannot be mixed up; they are
 * made only where they are checked: source ids by the manifest schema
 * (manifest.ts), anchors by anchor-ids.ts.
 */

import type { SpeechSpan } from './speech.ts';

/** URL slug of a source, from `seeds/sources.yaml` (`/sources/<id>/`). */
export type SourceId = string & { readonly __brand: 'SourceId' };
/** Element id of one block on its source page (`/sources/<id>/#<anchor>`). */
export type Anchor = string & { readonly __brand: 'Anchor' };

/** What a block of source text is. Only `article` blocks can be cited. */
export type BlockKind = 'article' | 'furniture' | 'comment';

/** Why a block is furniture, or that an article block is a subheading. */
export type BlockRole =
  | 'paragraph'
  | 'heading'
  | 'header'
  | 'standfirst'
  | 'byline'
  | 'dateline'
  | 'promo'
  | 'media'
  | 'credit'
  | 'editor-note'
  | 'pull-quote'
  | 'bio'
  | 'link-list'
  | 'footer'
  | 'comment';

/** A block before it has an anchor: the output of classification. */
export interface Block {
  kind: BlockKind;
  role: BlockRole;
  /** The text exactly as in the file, minus the whitespace that separated it from its neighbours. */
  text: string;
  /** 1-based line of the file the block comes from. */
  line: number;
  /** Reader comments only: reply depth (0 for a numbered comment). */
  depth?: number;
  /** Reader comments only: the number the comment carries in the file, if any. */
  label?: string;
}

/** A block with its stable anchor and its number within its kind (¶n for articles). */
export interface Paragraph extends Block {
  anchor: Anchor;
  n: number;
  /** Article paragraphs only: who speaks where (the speech stage); the spans tile the text. */
  spans?: SpeechSpan[];
}
