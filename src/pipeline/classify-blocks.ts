/**
 * Stage 3: decide what each line of a source is (article, furniture or reader
 * comment) and split merged article lines into paragraphs. The rules are
 * general; each one is named after the quirk of web copy it handles.
 *
 * Principle: a rule may take text away from the article only on evidence
 * from the text around it, never from one marker line. A trailer, footer or
 * comment section must look like one all the way to the end; the header
 * stops at the first line that reads as a sentence; a pull quote needs a
 * nearby, genuinely longer paragraph it repeats in order. When in doubt the
 * text stays article, where it can be cited; the manifest's `overrides`
 * decide what no rule can (see overrides.ts), and the build warns about long
 * prose that ended up outside the article (classification-report.ts).
 *
 * Every step is linear in the size of the text. What one line looks like on
 * its own is in classify/shapes.ts, pull quotes in classify/pull-quotes.ts.
 */
import type { Block, BlockRole } from './types.ts';
import { splitMerged, type SourceLine } from './split-paragraphs.ts';
import { normaliseForMatch, wordCount } from './normalise-text.ts';
import { isLongProse, readsAsSentence } from './prose.ts';
import { applySplits, kindOverridesByLine, type ManifestOverride } from './overrides.ts';
import {
  isEditorNote,
  isTrailerMarker,
  isSocialHandle,
  isLinkLike,
  NUMBERED,
  isNumberedComment,
  isHeading,
  t,
  isByline,
  isDateline,
  isImageCredit,
  isPromoLike,
  isBoxMarker,
  isShareLine,
  isDateLine,
  isNameLine,
  isCorrectionNote,
  isContactLine,
  shapeRole,
} from './classify/shapes.ts';
import { markPullQuotes } from './classify/pull-quotes.ts';

export { markPullQuotes } from './classify/pull-quotes.ts';

export { isEditorNote, isTrailerMarker, isByline, isDateline, isImageCredit, isCreditLine, isMediaLine, isPromoLine, isBoxMarker, isInlineTeaser, isShareLine, isDateLine, isNameLine, shapeRole } from './classify/shapes.ts';

/** What classification may know about a source besides its text. */
export interface ClassifyContext {
  /** The author named in the manifest: a line "<author> is …" at the end of the article is a bio. */
  author?: string | undefined;
  /** The manifest entry's overrides (validated by the manifest schema). */
  overrides?: readonly ManifestOverride[] | undefined;
}

/** A line this long (in words) is prose, not a headline, byline or date line. */
const PROSE_WORDS = 25;
/** The header is never longer than this many lines. */
const MAX_HEADER_LINES = 12;
/** A footer after a lone social-media handle is a few lines (a bio, a disclaimer), not more. */
const MAX_FOOTER_LINES = 6;
/** An editor's note stands within this many lines of the top or the bottom of the article. */
const NOTE_REACH = 2;
/** An author bio stands within this many lines of the end of the article. */
const BIO_REACH = 2;

/**
 * Index of the first reader-comment line, or the number of lines if there is
 * none. Comments start at an indented numbered line ("  1. …") only when the
 * comment structure continues to the end of the text: every later line is
 * indented at least as deep, the numbered lines at that depth count on
 * (1, 2, 3 …), and some later line is indented deeper (a comment's further
 * paragraphs or replies). An indented numbered list inside the article, with
 * article text after it, is therefore article text. One backward pass.
 */
function commentStart(lines: SourceLine[]): number {
  let start = lines.length;
  let minIndent = Infinity;
  let maxIndentAfter = -Infinity;
  const next = new Map<number, { label: number; ok: boolean }>(); // by indent: the next numbered line
  for (let k = lines.length - 1; k >= 1; k--) {
    const line = lines[k]!;
    if (line.indent < 2) break;
    minIndent = Math.min(minIndent, line.indent);
    const m = NUMBERED.exec(line.text);
    if (m) {
      const label = Number(m[1]);
      const after = next.get(line.indent);
      const ok = after === undefined || (after.label === label + 1 && after.ok);
      next.set(line.indent, { label, ok });
      if (ok && line.indent === minIndent && maxIndentAfter > line.indent) start = k;
    }
    maxIndentAfter = Math.max(maxIndentAfter, line.indent);
  }
  return start;
}

/** A question of a few words near the top is a headline, not a sentence ("Who will pay for the new sea wall?"). */
const QUESTION_HEADLINE_WORDS = 15;
/** A standfirst is one prose line of at most this many words. */
const STANDFIRST_WORDS = 60;
/** Lines that belong to a page header after a standfirst: byline, date, dateline, share buttons, a note. */
const isHeaderShape = (text: string): boolean =>
  isByline(text) || isDateLine(text) || isDateline(text) || isShareLine(text) || isEditorNote(text);

/**
 * The header (headline, byline, date line, "Share:" …) is the leading run of
 * lines that do not read as sentences (and closed editor's notes), provided
 * that a sentence follows it: a file of short lines only has no header and
 * stays article text, and short lead paragraphs ("Putin wants more.") end
 * the header rather than join it. A short question in the first three lines
 * is a headline. A standfirst is the first prose line when a byline or a date
 * line follows it within two lines: the header then goes on over byline,
 * date, dateline and share lines only (a subheading after them is the body's).
 */
function headerEnd(lines: SourceLine[], end: number): { end: number; standfirst: number } {
  const isProse = (i: number) => {
    const text = lines[i]!.text;
    return wordCount(text) >= PROSE_WORDS || readsAsSentence(text, i === 0 || (i < 3 && wordCount(text) <= QUESTION_HEADLINE_WORDS));
  };
  let i = 0;
  while (i < end && i < MAX_HEADER_LINES && (isEditorNote(lines[i]!.text) || !isProse(i))) i++;
  if (!(i > 0 && i < end && isProse(i) && !isEditorNote(lines[i]!.text))) return { end: 0, standfirst: -1 };
  const signed = (k: number) => k < end && (isByline(lines[k]!.text) || isDateLine(lines[k]!.text));
  if (wordCount(lines[i]!.text) <= STANDFIRST_WORDS && (signed(i + 1) || (signed(i + 2) && !isProse(i + 1)))) {
    const standfirst = i++;
    while (i < end && i < MAX_HEADER_LINES + 4 && isHeaderShape(lines[i]!.text)) i++;
    if (i < end) return { end: i, standfirst };
  }
  return { end: i, standfirst: -1 };
}

/**
 * The first line of a comment section in the style of blog software ("4
 * thoughts on “…”", "Comments", "Leave a Reply") when at least two lines
 * after it are comment furniture ("Dennis Ward says:", "Reply"); the number of
 * lines if there is none. The section runs to the end of the text.
 */
const COMMENTS_MARKER = /^(?:\d+\s+(?:thoughts?|comments?|responses?|replies|reactions?)(?:\s+(?:on|to)\b.*)?|comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:reply|comment)|join\s+the\s+(?:conversation|discussion))$/iu;
const COMMENT_FURNITURE = /^(?:.{1,60}\s(?:says|said|wrote):|reply|log\s+in\s+to\s+reply)$/iu;
function blogCommentStart(lines: SourceLine[]): number {
  let furniture = 0;
  let start = lines.length;
  for (let k = lines.length - 1; k >= Math.floor(lines.length / 3); k--) {
    const x = t(lines[k]!.text);
    if (COMMENT_FURNITURE.test(x)) furniture++;
    else if (COMMENTS_MARKER.test(x) && furniture >= 2) start = k;
  }
  return start;
}

/** Reply depth of a comment line from its indentation (see the Trenin seed). */
function commentDepth(line: SourceLine): number {
  if (isNumberedComment(line)) return 0;
  const reply = /^\s*[–—•-]\s/.test(line.text);
  return Math.max(0, Math.floor((line.indent - (reply ? 2 : 4)) / 2));
}

/**
 * Where the trailer of the article body starts (its length if none): at a
 * short marker line followed to the end by link-like lines, most of which do
 * not read as sentences (headlines, "- link" items, cut-off teasers: role
 * link-list); or at a lone social-media handle followed by at most a few
 * link-like lines (a bio, a disclaimer: role footer). Prose after a marker
 * means the marker was article text (a subheading "More from Moscow", a
 * handle quoted in a paragraph). Suffix tables keep this linear.
 */
function trailerStart(body: SourceLine[]): { at: number; role: BlockRole } {
  const m = body.length;
  // Only the link-like tail can follow a marker: find where it begins, scanning back from the end,
  // and count the lines in it that read as sentences (sentencesFrom[i]: from line i to the end).
  let tail = m;
  while (tail > 0 && isLinkLike(body[tail - 1]!.text)) tail--;
  const sentencesFrom = new Map<number, number>([[m, 0]]);
  for (let i = m - 1; i >= tail; i--) sentencesFrom.set(i, sentencesFrom.get(i + 1)! + (readsAsSentence(body[i]!.text) ? 1 : 0));
  for (let i = Math.max(0, tail - 1); i < m; i++) {
    const text = body[i]!.text;
    const after = m - i - 1;
    if (isTrailerMarker(text) && 2 * sentencesFrom.get(i + 1)! <= after) return { at: i, role: 'link-list' };
    if (isSocialHandle(text) && after <= MAX_FOOTER_LINES) return { at: i, role: 'footer' };
  }
  return { at: m, role: 'link-list' };
}

/** What a line is before overrides and before merged lines are split. */
type Decision =
  | { kind: 'article'; role?: BlockRole | undefined; forced?: boolean }
  | { kind: 'furniture'; role: BlockRole }
  | { kind: 'comment' };

function decideByRules(lines: SourceLine[], ctx: ClassifyContext): Decision[] {
  const comments = Math.min(commentStart(lines), blogCommentStart(lines));
  const header = headerEnd(lines, comments);
  const body = lines.slice(header.end, comments);
  const trailer = trailerStart(body);
  const bio = ctx.author ? normaliseForMatch(ctx.author) + ' is ' : undefined;
  const decisions: Decision[] = lines.slice(0, header.end).map(({ text }, i) => {
    if (isEditorNote(text)) return { kind: 'furniture', role: 'editor-note' };
    if (i === header.standfirst) return { kind: 'furniture', role: 'standfirst' };
    const shape = shapeRole(text);
    return { kind: 'furniture', role: shape && shape !== 'footer' ? shape : 'header' };
  });
  const inBody: Decision[] = body.map(({ text }, i) => {
    const fromEnd = trailer.at - i; // 1 for the last line before the trailer
    if (i >= trailer.at) return { kind: 'furniture', role: trailer.role };
    if (isEditorNote(text) && (i < NOTE_REACH || fromEnd <= NOTE_REACH)) return { kind: 'furniture', role: 'editor-note' };
    if (bio && fromEnd <= BIO_REACH && normaliseForMatch(text).startsWith(bio)) return { kind: 'furniture', role: 'bio' };
    return { kind: 'article' };
  });
  decisions.push(...markBoxes(body.map((l) => l.text), inBody));
  for (let k = comments; k < lines.length; k++) decisions.push({ kind: 'comment' });
  return decisions;
}

/** A teaser box has at most this many items after its marker. */
const MAX_BOX_ITEMS = 6;
/** A teaser item, a caption or a name line is at most this long. */
const ITEM_WORDS = 20;
const CAPTION_WORDS = 40;

/**
 * In-text boxes among the body lines still taken for article text, by what
 * the lines look like and what stands next to them:
 *  - a line of its own shape: byline, dateline, credit, media player, call to
 *    action, "Read more: <headline>", copyright (shapeRole);
 *  - a caption: the line just before an image credit (media);
 *  - a teaser box: a marker ("Trending Now", "Most read", "Read more") and the
 *    1–MAX_BOX_ITEMS short non-sentences after it (promo); a marker followed
 *    by prose stays a subheading;
 *  - a newsletter box: promotion vocabulary next to a call to action (promo);
 *  - share buttons: two or more together, or one that says "Share" (footer);
 *  - a contributor's name line ("Ana Ruiz, Northside") right after a paragraph (byline);
 *  - at the end of the article: a correction note (editor-note), a contact
 *    line with an e-mail address (footer).
 * Returns new decisions; linear in the number of lines.
 */
function markBoxes(texts: string[], decisions: Decision[]): Decision[] {
  const out = decisions.slice();
  const open = (i: number) => i >= 0 && i < texts.length && out[i]!.kind === 'article' && !('forced' in out[i]! && out[i]!.forced);
  const set = (i: number, role: BlockRole) => { out[i] = { kind: 'furniture', role }; };
  for (let i = 0; i < texts.length; i++) {
    if (!open(i)) continue;
    const text = texts[i]!;
    const shape = shapeRole(text);
    if (shape) set(i, shape);
    else if (isImageCredit(texts[i + 1] ?? '') && wordCount(text) <= CAPTION_WORDS && !isLongProse(text)) set(i, 'media');
    else if (isBoxMarker(text)) {
      let j = i + 1;
      while (j < texts.length && j - i <= MAX_BOX_ITEMS && open(j) && wordCount(texts[j]!) <= ITEM_WORDS && !readsAsSentence(texts[j]!) && !isBoxMarker(texts[j]!)) j++;
      if (j > i + 1) for (let k = i; k < j; k++) set(k, 'promo');
    } else if (isNameLine(text) && text.includes(',') && i > 0 && out[i - 1]!.kind === 'article' && readsAsSentence(texts[i - 1]!)) set(i, 'byline');
  }
  // Promotion vocabulary next to a call to action, in both directions.
  for (let i = 0; i < texts.length; i++) if (open(i) && isPromoLike(texts[i]!) && out[i - 1]?.kind === 'furniture' && (out[i - 1] as { role: BlockRole }).role === 'promo') set(i, 'promo');
  for (let i = texts.length - 1; i >= 0; i--) if (open(i) && isPromoLike(texts[i]!) && out[i + 1]?.kind === 'furniture' && (out[i + 1] as { role: BlockRole }).role === 'promo') set(i, 'promo');
  // Share buttons.
  for (let i = 0; i < texts.length; ) {
    let j = i;
    while (j < texts.length && open(j) && isShareLine(texts[j]!)) j++;
    if (j - i >= 2 || (j - i === 1 && /^share\b/iu.test(t(texts[i]!)))) for (let k = i; k < j; k++) set(k, 'footer');
    i = Math.max(j, i + 1);
  }
  // Notes at the end of the article: after the last article line that is neither of them.
  let last = texts.length - 1;
  while (last >= 0 && !(out[last]!.kind === 'article' && !isCorrectionNote(texts[last]!) && !isContactLine(texts[last]!))) last--;
  for (let i = last + 1; i < texts.length; i++) {
    if (!open(i)) continue;
    if (isCorrectionNote(texts[i]!)) set(i, 'editor-note');
    else if (isContactLine(texts[i]!)) set(i, 'footer');
  }
  return out;
}

/**
 * Classifies the non-blank lines of one source into blocks, in file order:
 * the manifest's split overrides first, then the rules, then the manifest's
 * kind overrides, then merged article lines are split and pull quotes found.
 * Throws OverrideError when an override does not fit the text.
 */
export function classifyBlocks(input: SourceLine[], ctx: ClassifyContext = {}): Block[] {
  const lines = applySplits(input, ctx.overrides);
  const forced = kindOverridesByLine(lines, ctx.overrides);
  const decisions = decideByRules(lines, ctx).map((d, k): Decision => {
    const o = forced.get(lines[k]!.line);
    if (!o) return d;
    if (o.kind === 'article') return { kind: 'article', role: o.role, forced: true };
    return o.kind === 'furniture' ? { kind: 'furniture', role: o.role! } : { kind: 'comment' };
  });
  const blocks: Block[] = [];
  const locked = new Set<number>();
  decisions.forEach((d, k) => {
    const l = lines[k]!;
    if (d.kind === 'article') {
      for (const piece of splitMerged(l.text)) {
        if (d.forced) locked.add(blocks.length);
        blocks.push({ kind: 'article', role: d.role ?? (isHeading(piece) ? 'heading' : 'paragraph'), text: piece, line: l.line });
      }
    } else if (d.kind === 'furniture') {
      blocks.push({ kind: 'furniture', role: d.role, text: l.text.trim(), line: l.line });
    } else {
      const label = NUMBERED.exec(l.text)?.[1];
      blocks.push({
        kind: 'comment', role: 'comment', text: l.text.trim(), line: l.line, depth: commentDepth(l),
        ...(label && isNumberedComment(l) ? { label } : {}),
      });
    }
  });
  return markPullQuotes(blocks, locked);
}