/**
 * Stage 3: decide what each line of a source is (article, furniture or reader
 * comment) and split merged article lines into paragraphs. The rules are
 * general; each one is named after the quirk of web copy it handles.
 */
import type { Block } from './types.ts';
import { splitMerged, type SourceLine } from './split-paragraphs.ts';
import { normaliseForMatch, sentences, wordCount, words } from './normalise-text.ts';

/** What classification may know about a source besides its text. */
export interface ClassifyContext {
  /** The author named in the manifest: a line "<author> is …" is a bio. */
  author?: string | undefined;
}

/** A line this long (in words) is prose, not a headline, byline or date line. */
const PROSE_WORDS = 25;
/** The header is never longer than this many lines. */
const MAX_HEADER_LINES = 12;

/** "[Editor’s note: …]" and the like. */
const isEditorNote = (text: string): boolean => /^\s*\[\s*(editor|ed\.|note)/i.test(text);
/** "Related:", "Topics", "More from The Hill", "Read more", "See also". */
const isTrailerMarker = (text: string): boolean =>
  /^\s*(related|topics|more from\b.*|more in\b.*|read more|see also|recommended)\s*:?\s*$/i.test(text);
/** A social-media handle alone on its line ends the article ("@israelzipper"). */
const isSocialHandle = (text: string): boolean => /^\s*@\w+\s*$/.test(text);
/** Numbered, indented reader comments ("  1. Excellent article!"). */
const isNumberedComment = (line: SourceLine): boolean => line.indent >= 2 && /^\s*\d+\.\s+\S/.test(line.text);
/** A subheading: a short line with no closing punctuation. */
const isHeading = (text: string): boolean => wordCount(text) <= 8 && !/[.!?:;,…"'”’)\]»]$/.test(text.trim());

/** Index of the first reader-comment line, or the number of lines if there is none. */
function commentStart(lines: SourceLine[]): number {
  const i = lines.findIndex((line, k) => k > 0 && isNumberedComment(line));
  return i === -1 ? lines.length : i;
}

/**
 * The header (headline, byline, date line, "Share:" …) is the leading run of
 * short lines and editor's notes, provided that prose follows it: a file of
 * short lines only has no header and stays article text.
 */
function headerEnd(lines: SourceLine[], end: number): number {
  let i = 0;
  while (i < end && i < MAX_HEADER_LINES && (wordCount(lines[i]!.text) < PROSE_WORDS || isEditorNote(lines[i]!.text))) i++;
  return i < end && wordCount(lines[i]!.text) >= PROSE_WORDS ? i : 0;
}

/** Reply depth of a comment line from its indentation (see the Trenin seed). */
function commentDepth(line: SourceLine): number {
  if (isNumberedComment(line)) return 0;
  const reply = /^\s*[–—•-]\s/.test(line.text);
  return Math.max(0, Math.floor((line.indent - (reply ? 2 : 4)) / 2));
}

function bodyBlocks(lines: SourceLine[], ctx: ClassifyContext): Block[] {
  const out: Block[] = [];
  let trailer: 'link-list' | 'footer' | undefined;
  const bio = ctx.author ? normaliseForMatch(ctx.author) + ' is ' : undefined;
  for (const { text, line } of lines) {
    if (!trailer && isTrailerMarker(text)) trailer = 'link-list';
    if (!trailer && isSocialHandle(text)) trailer = 'footer';
    if (trailer) out.push({ kind: 'furniture', role: trailer, text: text.trim(), line });
    else if (isEditorNote(text)) out.push({ kind: 'furniture', role: 'editor-note', text: text.trim(), line });
    else if (bio && normaliseForMatch(text).startsWith(bio)) out.push({ kind: 'furniture', role: 'bio', text: text.trim(), line });
    else
      for (const piece of splitMerged(text))
        out.push({ kind: 'article', role: isHeading(piece) ? 'heading' : 'paragraph', text: piece, line });
  }
  return out;
}

/** True if every word of `quote` occurs (as often) in `sentence`. */
function wordsContained(quote: string[], sentence: string[]): boolean {
  const bag = new Map<string, number>();
  for (const w of sentence) bag.set(w, (bag.get(w) ?? 0) + 1);
  return quote.every((w) => {
    const left = bag.get(w) ?? 0;
    bag.set(w, left - 1);
    return left > 0;
  });
}

/**
 * A pull quote repeats (sometimes loosely) a sentence of the article: a
 * one-sentence paragraph all of whose words stand in one sentence of another,
 * longer article paragraph, or in an identical earlier one.
 */
export function markPullQuotes(blocks: Block[]): Block[] {
  const article = blocks.filter((b) => b.kind === 'article' && b.role === 'paragraph');
  const sentenceWords = new Map(article.map((b) => [b, sentences(b.text).map(words)]));
  return blocks.map((b, i) => {
    if (b.kind !== 'article' || b.role !== 'paragraph') return b;
    const own = sentenceWords.get(b)!;
    if (own.length !== 1 || own[0]!.length < 6) return b;
    const repeats = article.some((other) => {
      if (other === b) return false;
      const theirs = sentenceWords.get(other)!;
      const earlierTwin = theirs.length === 1 && blocks.indexOf(other) < i;
      return (theirs.length > 1 || earlierTwin || theirs[0]!.length > own[0]!.length) &&
        theirs.some((s) => wordsContained(own[0]!, s));
    });
    return repeats ? { ...b, kind: 'furniture', role: 'pull-quote' } : b;
  });
}

/** Classifies the non-blank lines of one source into blocks, in file order. */
export function classifyBlocks(lines: SourceLine[], ctx: ClassifyContext = {}): Block[] {
  const comments = commentStart(lines);
  const header = headerEnd(lines, comments);
  const head: Block[] = lines.slice(0, header).map(({ text, line }) => ({
    kind: 'furniture',
    role: isEditorNote(text) ? 'editor-note' : 'header',
    text: text.trim(),
    line,
  }));
  const tail: Block[] = lines.slice(comments).map((l) => {
    const label = /^\s*(\d+)\.\s/.exec(l.text)?.[1];
    return {
      kind: 'comment', role: 'comment', text: l.text.trim(), line: l.line, depth: commentDepth(l),
      ...(label && isNumberedComment(l) ? { label } : {}),
    };
  });
  return [...head, ...markPullQuotes(bodyBlocks(lines.slice(header, comments), ctx)), ...tail];
}
