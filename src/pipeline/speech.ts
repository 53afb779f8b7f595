/**
 * The speech stage: who says what in each paragraph of one source. Pure.
 *
 *   extractSpeech(paragraphs, { author, outlet }, corrections?) → SpeechSpan[][]
 *
 * For each input paragraph the result is a list of spans that TILE the
 * paragraph: sorted, no gaps, no overlaps (offsets are UTF-16 indices into the
 * paragraph text as given). Kinds:
 *   - `direct`    words inside quotation marks that someone said or wrote; the
 *                 span includes the marks. `speaker` may be null when nobody can
 *                 be found for a long quotation.
 *   - `reported`  indirect speech or paraphrase credited to a holder ("X said
 *                 (that) …", "according to X, …", "…, he said.", "This, he
 *                 claims, is …"). The span runs from the holder (or the start of
 *                 the sentence for a trailing or parenthetical tag) to the end of
 *                 the statement.
 *   - `narration` the source's own voice: speaker = author, else outlet, else null.
 *   - `scare`     a quoted term nobody is said to say (a so-called "…"); speaker null.
 * Nesting choice: a quotation inside a reported statement is cut out of it as its
 * own `direct` span (so spans never overlap); the pieces of one reported
 * statement and the quotations inside it share a `statement` number. A quote in
 * a reported statement takes the statement's speaker unless it has its own cue
 * (X said Y had called it “…” → the words are Y's).
 *
 * The extractor is general: it reads quotation marks, speech verbs, tags before,
 * after and inside quotes, pronouns and surnames (resolved to the full name
 * introduced in the source), quotes running on across paragraphs, and quotes
 * continuing the previous paragraph's speaker. Every pass is linear in the text
 * length; hostile text (unbalanced marks, apostrophes, thousands of quote marks)
 * never throws.
 *
 * Corrections (see `SpeechCorrection`) are applied after extraction; the spans
 * they create carry `corrected: true` so pages can show them as editorial
 * corrections. `extractSpeechDetailed` also returns the corrections that could
 * not be applied.
 *
 * This module is the stage's interface; speech/analyser.ts runs the passes
 * over a source, and speech/ holds each pass.
 */
import { applySpeechCorrections } from './speech/spans.ts';
import type { SpeechContext, SpeechCorrection, SpeechParagraph, SpeechResult, SpeechSpan } from './speech/types.ts';
import { SourceAnalyser } from './speech/analyser.ts';

export type * from './speech/types.ts';
export { applySpeechCorrections, locateWords, spansInRange, type RangeAttribution } from './speech/spans.ts';

/** Extracts speech spans for each paragraph of one source (see module doc). */
export function extractSpeech(
  paragraphs: readonly SpeechParagraph[],
  ctx: SpeechContext = {},
  corrections: readonly SpeechCorrection[] = [],
): SpeechSpan[][] {
  return extractSpeechDetailed(paragraphs, ctx, corrections).spans;
}

export function extractSpeechDetailed(
  paragraphs: readonly SpeechParagraph[],
  ctx: SpeechContext = {},
  corrections: readonly SpeechCorrection[] = [],
): SpeechResult {
  const analyser = new SourceAnalyser(paragraphs, ctx);
  const spans = paragraphs.map((_, i) => analyser.paragraph(i));
  return applySpeechCorrections(paragraphs, spans, corrections, ctx);
}