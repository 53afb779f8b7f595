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
 * Every step is linear in the size of the text.
 */
import type { Block, BlockRole } from './types.ts';
import { splitMerged, type SourceLine } from './split-paragraphs.ts';
import { normaliseForMatch, sentences, wordCount } from './normalise-text.ts';
import { endsSentence, isLongProse, readsAsSentence } from './prose.ts';
import { applySplits, kindOverridesByLine, type ManifestOverride } from './overrides.ts';

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
/** A trailer marker ("More from The Hill") is a short line. */
const MARKER_WORDS = 6;
/** A footer after a lone social-media handle is a few lines (a bio, a disclaimer), not more. */
const MAX_FOOTER_LINES = 6;
/** An editor's note stands within this many lines of the top or the bottom of the article. */
const NOTE_REACH = 2;
/** An author bio stands within this many lines of the end of the article. */
const BIO_REACH = 2;
/** A link-list line may be a headline or a truncated teaser; a sentence-final line this long is prose. */
const LINK_LINE_WORDS = 20;

/**
 * "[Editor’s note: …]": a bracketed note that closes its bracket at its end
 * (a final period may follow). "[Note how …] and then prose" is article text.
 */
export function isEditorNote(text: string): boolean {
  const t = text.trim().replace(/[.\s]+$/u, '');
  if (!/^\[\s*(editor|ed\.|note)/i.test(t)) return false;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '[') depth++;
    else if (t[i] === ']' && --depth === 0) return i === t.length - 1;
  }
  return false;
}

/** "Related:", "Topics", "More from The Hill", "Read more", "See also": short lines only. */
const TRAILER_MARKER = /^(related(?: \S+)?|topics|more (?:from|in|on|about) .+|read more|see also|recommended(?: \S+){0,2})\s*:?$/i;
export const isTrailerMarker = (text: string): boolean =>
  wordCount(text) <= MARKER_WORDS && TRAILER_MARKER.test(normaliseForMatch(text));

/** A social-media handle alone on its line ("@israelzipper"). */
const isSocialHandle = (text: string): boolean => /^\s*@\w+\s*$/.test(text);

/**
 * A line of a link list: a headline, a "- link" item, a teaser cut off
 * mid-sentence ("… does not comply with the ...The Hill - 22m -"). Not long
 * prose, and not a long line that ends like a finished sentence.
 */
const isLinkLike = (text: string): boolean =>
  !isLongProse(text) && !(wordCount(text) >= LINK_LINE_WORDS && endsSentence(text));

const NUMBERED = /^\s*(\d+)\.\s+\S/;
/** Numbered, indented reader comments ("  1. Excellent article!"). */
const isNumberedComment = (line: SourceLine): boolean => line.indent >= 2 && NUMBERED.test(line.text);

/** A subheading: a short line that starts with a capital letter and has no closing punctuation. */
const isHeading = (text: string): boolean =>
  !/[.!?:;,…"'”’)\]»]$/.test(text.trim()) && /^["'“‘]?\p{Lu}/u.test(text.trim()) && wordCount(text) <= 8;

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

/**
 * The header (headline, byline, date line, "Share:" …) is the leading run of
 * lines that do not read as sentences (and closed editor's notes), provided
 * that a sentence follows it: a file of short lines only has no header and
 * stays article text, and short lead paragraphs ("Putin wants more.") end
 * the header rather than join it.
 */
function headerEnd(lines: SourceLine[], end: number): number {
  const isProse = (i: number) => wordCount(lines[i]!.text) >= PROSE_WORDS || readsAsSentence(lines[i]!.text, i === 0);
  let i = 0;
  while (i < end && i < MAX_HEADER_LINES && (isEditorNote(lines[i]!.text) || !isProse(i))) i++;
  return i > 0 && i < end && isProse(i) && !isEditorNote(lines[i]!.text) ? i : 0;
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
  const comments = commentStart(lines);
  const header = headerEnd(lines, comments);
  const body = lines.slice(header, comments);
  const trailer = trailerStart(body);
  const bio = ctx.author ? normaliseForMatch(ctx.author) + ' is ' : undefined;
  const decisions: Decision[] = lines.slice(0, header).map(({ text }) => ({
    kind: 'furniture',
    role: isEditorNote(text) ? 'editor-note' : 'header',
  }));
  body.forEach(({ text }, i) => {
    const fromEnd = trailer.at - i; // 1 for the last line before the trailer
    if (i >= trailer.at) decisions.push({ kind: 'furniture', role: trailer.role });
    else if (isEditorNote(text) && (i < NOTE_REACH || fromEnd <= NOTE_REACH)) decisions.push({ kind: 'furniture', role: 'editor-note' });
    else if (bio && fromEnd <= BIO_REACH && normaliseForMatch(text).startsWith(bio)) decisions.push({ kind: 'furniture', role: 'bio' });
    else decisions.push({ kind: 'article' });
  });
  for (let k = comments; k < lines.length; k++) decisions.push({ kind: 'comment' });
  return decisions;
}

/** True if `quote` occurs in order within `sentence` (all of its words, possibly with others between). */
function inOrder(quote: string[], sentence: string[]): boolean {
  let k = 0;
  for (const w of sentence) if (w === quote[k]) k++;
  return k === quote.length;
}

/** Length of the longest run of consecutive words shared by `a` and `b`. O(|a|·|b|), |a| is small. */
function longestSharedRun(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) best = Math.max(best, (cur[j] = prev[j - 1]! + 1));
    }
    prev = cur;
  }
  return best;
}

/** A word, as normalise-text's words() reads it. */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
/** A pull quote has at least this many words … */
const QUOTE_MIN_WORDS = 6;
/** … and at most this many (a pull quote is one short sentence; this also bounds the cost of a comparison). */
const QUOTE_MAX_WORDS = 60;
/** Its original stands within this many article paragraphs before or after it. */
const QUOTE_REACH = 6;
/** The original paragraph has at least this many more words than the quote. */
const LONGER_BY = 5;
/** A one-sentence paragraph that occurs more often than this is the text's own repetition, not layout. */
const MAX_COPIES = 2;

/**
 * A pull quote repeats, in order and largely word for word, a sentence of a
 * nearby and genuinely longer article paragraph ("Putin is cautious and
 * calculating, particularly when it comes to the use of force." repeats "…
 * he is in fact cautious and calculating, particularly when it comes to the
 * use of force."). Precisely, a pull quote is a one-sentence article
 * paragraph of QUOTE_MIN_WORDS–QUOTE_MAX_WORDS words such that, within
 * QUOTE_REACH article paragraphs of it, a paragraph at least LONGER_BY words
 * longer has a sentence that contains the quote's words in the same order,
 * sharing a run of at least half of them.
 *
 * Not pull quotes: a restatement in other words or another order; identical
 * paragraphs, which repeat each other but have no longer original (they stay
 * article text, with anchors -2, -3 …); and a one-sentence paragraph that
 * occurs more than MAX_COPIES times (a refrain, or a page that repeats a line
 * 100 times: repetition on that scale is the text's own, not a layout quote,
 * so none of the copies becomes furniture). Blocks in `locked` (forced to
 * article by the manifest) are never pull quotes.
 *
 * Linear time: each candidate is compared only with the paragraphs within
 * reach, and identical copies are counted with a hash map.
 */
export function markPullQuotes(blocks: Block[], locked: ReadonlySet<number> = new Set()): Block[] {
  const paras = blocks.flatMap((b, i) => (b.kind === 'article' && b.role === 'paragraph' ? [i] : []));
  // sentences() returns normalised text, so the words need only lower-casing and splitting.
  const texts = paras.map((i) => sentences(blocks[i]!.text).map((s) => s.toLowerCase()));
  const sents = texts.map((ss) => ss.map((s) => s.match(WORD) ?? []));
  const total = sents.map((ss) => ss.reduce((n, s) => n + s.length, 0));
  // Identical one-sentence paragraphs, counted by their normalised, lower-cased text (a hash map).
  const copies = new Map<string, number>();
  for (const ss of texts) if (ss.length === 1) copies.set(ss[0]!, (copies.get(ss[0]!) ?? 0) + 1);
  const out = blocks.slice();
  paras.forEach((bi, p) => {
    const own = sents[p]!;
    if (locked.has(bi) || own.length !== 1) return;
    const quote = own[0]!;
    if (quote.length < QUOTE_MIN_WORDS || quote.length > QUOTE_MAX_WORDS || copies.get(texts[p]![0]!)! > MAX_COPIES) return;
    for (let o = Math.max(0, p - QUOTE_REACH); o <= Math.min(paras.length - 1, p + QUOTE_REACH); o++) {
      if (o === p || total[o]! < quote.length + LONGER_BY) continue;
      const repeated = sents[o]!.some(
        (s) => s.length >= quote.length && inOrder(quote, s) && 2 * longestSharedRun(quote, s) >= quote.length,
      );
      if (repeated) {
        out[bi] = { ...blocks[bi]!, kind: 'furniture', role: 'pull-quote' };
        return;
      }
    }
  });
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
