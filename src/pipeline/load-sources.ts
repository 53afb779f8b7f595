/**
 * The source pipeline as one sentence: read → split lines → classify → anchor.
 * Chains the stages and nothing else.
 */
import { readSources, type SourceFile } from './read-sources.ts';
import { splitLines } from './split-paragraphs.ts';
import { classifyBlocks, type ClassifyContext } from './classify-blocks.ts';
import { assignAnchors } from './anchor-ids.ts';
import { SourceError, type ManifestEntry } from './manifest.ts';
import type { Paragraph } from './types.ts';

/** A source ready to render and cite. */
export interface Source {
  entry: ManifestEntry;
  path: string;
  sha256: string;
  size: number;
  paragraphs: Paragraph[];
}

/** Splits, classifies and anchors one decoded text. Pure. */
export function paragraphsOf(text: string, ctx: ClassifyContext = {}): Paragraph[] {
  return assignAnchors(classifyBlocks(splitLines(text), ctx));
}

/** Builds one source from its file; a text with no article paragraph is an error. */
export function buildSource(file: SourceFile): Source {
  const paragraphs = paragraphsOf(file.text, { author: file.entry.author });
  if (!paragraphs.some((p) => p.kind === 'article')) {
    throw new SourceError(file.path, 'has no article paragraph: every line was taken for furniture or comments');
  }
  return { entry: file.entry, path: file.path, sha256: file.sha256, size: file.size, paragraphs };
}

/** Reads and builds every source listed in `seedsDir/sources.yaml`. */
export function loadSources(seedsDir: string, root?: string): Source[] {
  return readSources(seedsDir, root).map(buildSource);
}
