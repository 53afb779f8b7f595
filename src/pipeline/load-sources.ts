/**
 * The source pipeline as one sentence: read → split lines → classify → anchor
 * → speech. Chains the stages and nothing else.
 */
import { readSources, type SourceFile } from './read-sources.ts';
import { splitLines } from './split-paragraphs.ts';
import { classifyBlocks, type ClassifyContext } from './classify-blocks.ts';
import { assignAnchors } from './anchor-ids.ts';
import { SourceError, type ManifestEntry } from './manifest.ts';
import { linesDecidedByManifest, OverrideError } from './overrides.ts';
import { summariseClassification, type ClassificationSummary } from './classification-report.ts';
import { extractSpeechDetailed } from './speech.ts';
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

/**
 * Builds one source from its file. A text with no article paragraph, or a
 * manifest override that does not fit the text, is an error naming the file,
 * the manifest entry and the field.
 */
export function buildSource(file: SourceFile): Source {
  let paragraphs: Paragraph[];
  try {
    paragraphs = paragraphsOf(file.text, { author: file.entry.author, overrides: file.entry.overrides });
  } catch (err) {
    if (err instanceof OverrideError) throw new SourceError(file.path, `manifest entry "${file.entry.id}", field ${err.message}`);
    throw err;
  }
  if (!paragraphs.some((p) => p.kind === 'article')) {
    throw new SourceError(file.path, 'has no article paragraph: every line was taken for furniture or comments');
  }
  return { entry: file.entry, path: file.path, sha256: file.sha256, size: file.size, paragraphs: withSpeech(paragraphs, file) };
}

/** Adds the speech stage's spans to the article paragraphs, applying the manifest's corrections. */
function withSpeech(paragraphs: Paragraph[], file: SourceFile): Paragraph[] {
  const { entry } = file;
  const corrections = (entry.speech ?? []).map((c) => ({ paragraph: c.para, words: c.words, kind: c.kind, speaker: c.speaker, cue: c.cue ?? null }));
  const { spans, unapplied } = extractSpeechDetailed(paragraphs, { author: entry.author, outlet: entry.outlet }, corrections);
  if (unapplied.length) {
    throw new SourceError(
      file.path,
      `manifest entry "${entry.id}", field "speech": ${unapplied.map((c) => `no article paragraph "${c.paragraph}" containing "${c.words}"`).join('; ')}`,
    );
  }
  return paragraphs.map((p, i) => (p.kind === 'article' ? { ...p, spans: spans[i] ?? [] } : p));
}

/** Counts and warnings of one built source's classification, for the build log. */
export function summariseSource(source: Source): ClassificationSummary {
  return summariseClassification(source.paragraphs, linesDecidedByManifest(source.entry.overrides));
}

/** Reads and builds every source listed in `seedsDir/sources.yaml`. */
export function loadSources(seedsDir: string, root?: string): Source[] {
  return readSources(seedsDir, root).map(buildSource);
}
