/**
 * The source pipeline as one sentence: read → split lines → classify → anchor
 * → speech. Chains the stages and nothing else.
 */
import { readSources, type SourceFile } from './read-sources.ts';
import { splitLines } from './split-paragraphs.ts';
import { classifyBlocks, type ClassifyContext } from './classify-blocks.ts';
import { assignAnchors } from './anchor-ids.ts';
import { SourceError, urlWarnings, type ManifestEntry } from './manifest.ts';
import { linesDecidedByManifest, OverrideError, resolveOverrides, type ManifestOverride } from './overrides.ts';
import { summariseClassification, type ClassificationSummary } from './classification-report.ts';
import { applySpeechCorrections, extractSpeechDetailed } from './speech.ts';
import type { Paragraph } from './types.ts';

/** A source ready to render and cite. */
export interface Source {
  entry: ManifestEntry;
  path: string;
  sha256: string;
  size: number;
  paragraphs: Paragraph[];
  /** The manifest's overrides at the lines that hold their words now (`resolveOverrides`); absent: as in the manifest. */
  overrides?: ManifestOverride[];
  /** What the build should say about this source's manifest entry (an override that followed its words to another line, a correction extended to a whole quotation): build warnings. */
  notices?: string[];
}

/** Splits, classifies and anchors one decoded text. Pure. */
export function paragraphsOf(text: string, ctx: ClassifyContext = {}): Paragraph[] {
  return classify(text, ctx).paragraphs;
}

/** paragraphsOf, with the overrides as resolved against the text and a note for each that moved. */
function classify(text: string, ctx: ClassifyContext): { paragraphs: Paragraph[]; overrides: ManifestOverride[]; moved: string[] } {
  const lines = splitLines(text);
  const { overrides, moved } = resolveOverrides(lines, ctx.overrides);
  return { paragraphs: assignAnchors(classifyBlocks(lines, { ...ctx, overrides })), overrides, moved: moved.map((m) => m.message) };
}

/**
 * Builds one source from its file. A text with no article paragraph, or a
 * manifest override that does not fit the text, is an error naming the file,
 * the manifest entry and the field.
 */
export function buildSource(file: SourceFile): Source {
  let classified: ReturnType<typeof classify>;
  try {
    classified = classify(file.text, { author: file.entry.author, overrides: file.entry.overrides });
  } catch (err) {
    if (err instanceof OverrideError) throw new SourceError(file.path, `manifest entry "${file.entry.id}", field ${err.message}`, 'manifest-override');
    throw err;
  }
  const { paragraphs, overrides } = classified;
  if (!paragraphs.some((p) => p.kind === 'article')) {
    throw new SourceError(file.path, 'has no article paragraph: every line was taken for furniture or comments', 'source-no-article');
  }
  const speech = withSpeech(paragraphs, file);
  const notices = [
    ...classified.moved.map((m) => `${file.path}: manifest entry "${file.entry.id}", ${m}`),
    ...urlWarnings(file.entry).map((w) => `${file.path}: manifest entry "${file.entry.id}", ${w}`),
    ...speech.notices,
  ];
  return { entry: file.entry, path: file.path, sha256: file.sha256, size: file.size, paragraphs: speech.paragraphs, overrides, notices };
}

/**
 * Adds the speech stage's spans to the article paragraphs, applying the
 * manifest's corrections. A correction that cannot be applied (words not
 * found, or words that cut a quotation and are not `direct`) fails the build;
 * one applied to a whole quotation of which it named part returns a notice.
 */
function withSpeech(paragraphs: Paragraph[], file: SourceFile): { paragraphs: Paragraph[]; notices: string[] } {
  const { entry } = file;
  const ctx = { author: entry.author, outlet: entry.outlet };
  const corrections = (entry.speech ?? []).map((c) => ({ paragraph: c.para, words: c.words, kind: c.kind, speaker: c.speaker, cue: c.cue ?? null }));
  const found = extractSpeechDetailed(paragraphs, ctx).spans;
  const { spans, unapplied, notes } = applySpeechCorrections(paragraphs, found, corrections, ctx);
  if (unapplied.length) {
    throw new SourceError(
      file.path,
      `manifest entry "${entry.id}", field "speech": ${unapplied.map((c) => c.reason ?? `no article paragraph "${c.paragraph}" containing "${c.words}"`).join('; ')}`,
      'manifest-speech',
    );
  }
  return {
    paragraphs: paragraphs.map((p, i) => (p.kind === 'article' ? { ...p, spans: spans[i] ?? [] } : p)),
    notices: notes.map((n) => `${file.path}: manifest entry "${entry.id}", field "speech": ${n}`),
  };
}

/** Counts and warnings of one built source's classification, for the build log. */
export function summariseSource(source: Source): ClassificationSummary {
  return summariseClassification(source.paragraphs, linesDecidedByManifest(source.overrides ?? source.entry.overrides));
}

/** Reads and builds every source listed in `seedsDir/sources.yaml`. */
export function loadSources(seedsDir: string, root?: string): Source[] {
  return readSources(seedsDir, root).map(buildSource);
}
