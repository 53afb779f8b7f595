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
 * A whole-line bracket that says the text is reposted ("[This report first
 * appeared in … and is reposted here with permission.]") is one too.
 */
const REPOST_NOTE = /\b(?:re-?posted|republished|reprinted|(?:first|originally)\s+(?:appeared|published|ran))\b/iu;
export function isEditorNote(text: string): boolean {
  const t = text.trim().replace(/[.\s]+$/u, '');
  if (!/^\[\s*(editor|ed\.|note)/i.test(t) && !(/^\[/u.test(t) && REPOST_NOTE.test(t))) return false;
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
 * Line shapes of in-text boxes (issue 22): what a line looks like, whatever
 * its place. Each is short and most are not sentences, so article prose that
 * merely mentions a newsletter or a photo never matches.
 */
const SHAPE_WORDS = 14;
const short = (text: string, max = SHAPE_WORDS) => wordCount(text) <= max;
const t = (text: string): string => normaliseForMatch(text).trim();

/** "By Jane Roe", "By: Ricardo Israel - 01/12/2025", "Analysis by …", "Interview by …", "Posted by user on …". */
export const isByline = (text: string): boolean => {
  const x = t(text);
  if (!short(x) || readsAsSentence(x)) return false;
  if (/^(?:posted|written)\s+by\s+\S/iu.test(x)) return true;
  const m = /^(?:(?:analysis|interview|words|text|story|compiled)\s+)?by:?\s+["“]?(\S)/iu.exec(x);
  return m !== null && /\p{Lu}/u.test(m[1]!);
};

/** A wire dateline alone on its line: "WASHINGTON (AP) —", "EASTHOLM, Norway (Reuters) -". */
export const isDateline = (text: string): boolean =>
  /^\p{Lu}[\p{Lu}\s.'’-]+(?:,\s*[\p{L}\s.]+)?\s*\([\p{L}\s.&-]{1,30}\)\s*[—–-]{1,2}\s*$/u.test(t(text));

/** Image credits: "Photo: Jane Doe/Agency", "(Getty Images)", "(AP Photo/Dana Pell)", "Image credit: …". */
export const isImageCredit = (text: string): boolean => {
  const x = t(text);
  return short(x, 10) && (
    /^(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphic|video)(?:\s+credit)?\s*:/iu.test(x) ||
    /^\((?:[^()]*\b(?:getty images|ap photo|photo|reuters|afp|epa|shutterstock|alamy|pa wire|pa media)\b[^()]*)\)$/iu.test(x) ||
    /^(?:getty images|shutterstock|alamy|afp via getty images)$/iu.test(x));
};

/** Credit lines of the text: "Reporting by …; Editing by …", "… contributed to this report." */
export const isCreditLine = (text: string): boolean => {
  const x = t(text);
  return short(x, 30) && (/^(?:additional\s+)?(?:reporting|writing|editing)\s+by\s/iu.test(x) || /\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\.?$/iu.test(x));
};

/** A video or audio player: "Watch: …", "Play video", "0:45", "Listen to this article". */
export const isMediaLine = (text: string): boolean => {
  const x = t(text);
  return /^\d{1,2}:\d{2}(?::\d{2})?$/u.test(x) ||
    (short(x, 12) && !endsSentence(x) && /^(?:watch|video|listen|play(?:\s+video)?|gallery|in pictures)\b\s*(?::|$|\s+to\b)/iu.test(x));
};

/** A call to action of a subscription or newsletter box, or an advertisement label. */
const PROMO_WORDS = /\b(?:newsletters?|subscribe|subscription|subscribers|inbox|sign\s+up|e-?mail address)\b/iu;
export const isPromoLine = (text: string): boolean => {
  const x = t(text);
  if (/^(?:advertisement|sponsored(?: content)?|subscribe|sign up|ad)$/iu.test(x)) return true;
  if (!short(x, 25)) return false;
  const imperative = /^(?:sign\s+up|subscribe|get\s+(?:the|our)|join\s+our|enter\s+your|register\s+(?:for|now)|never\s+miss|don['’]t\s+miss)\b/iu.test(x);
  return imperative && (PROMO_WORDS.test(x) || !readsAsSentence(x));
};
/** A line of promotion vocabulary, promo only next to a call to action ("The day's news in your inbox."). */
const isPromoLike = (text: string): boolean => short(text, 25) && PROMO_WORDS.test(t(text));

/** The head of a teaser box: "Trending Now", "Most read", "Read more", "Related:"; "Read more: <headline>" is a box of its own. */
const BOX_MARKER = /^(?:trending(?:\s+now)?|most\s+(?:read|popular|viewed|shared)|popular(?:\s+now)?|top\s+stories|editor['’]?s\s+picks|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|don['’]t\s+miss|read\s+more|read\s+also|also\s+read|more\s+on\s+this(?:\s+story)?)\s*:?$/iu;
export const isBoxMarker = (text: string): boolean => short(text, 6) && BOX_MARKER.test(t(text));
export const isInlineTeaser = (text: string): boolean =>
  short(text, 20) && /^(?:read\s+more|read\s+also|also\s+read|related|see\s+also|more)\s*:\s*\S/iu.test(t(text)) && !endsSentence(text);

/** Share and like buttons: "Share this:", "Facebook", "Email", "Like Loading...". */
const SHARE = /^(?:share(?:\s+(?:this|on|via)(?:\s+(?:article|story|page))?)?|tweet|twitter|x|facebook|e-?mail|whatsapp|linkedin|reddit|pinterest|print|copy\s+link|like\s+this|(?:like\s+)?loading(?:\.\.\.|…)?)\s*:?$/iu;
export const isShareLine = (text: string): boolean => SHARE.test(t(text));

/** A publication date line: "Published 14 March 2025, 06:00", "Thursday 6 February 2025 4:31 pm", "2 September 2024". */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
export const isDateLine = (text: string): boolean => {
  const x = t(text);
  return short(x, 12) && !readsAsSentence(x) &&
    (new RegExp(`\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+${MONTH}\\b`, 'iu').test(x) || /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/u.test(x)) &&
    (/\b(?:19|20)\d{2}\b/u.test(x) || /^(?:updated|published|posted)\b/iu.test(x));
};

/** A name line under a contribution or a pull quote: "Ana Ruiz, Northside", "— Walter Grimes, retired signalman". */
export const isNameLine = (text: string): boolean => {
  const x = t(text).replace(/^[—–-]\s*/u, '');
  return short(x, 10) && !endsSentence(x) && /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}(?:,\s+\S.*)?$/u.test(x);
};

/** A correction note: "This article was amended on … to correct …". */
const isCorrectionNote = (text: string): boolean =>
  short(text, 40) && /^(?:this\s+(?:article|story|report|piece)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated)|correction:)/iu.test(t(text));
/** A contact call-out with an e-mail address ("Have your say: write to letters@…"). */
const isContactLine = (text: string): boolean => short(text, 40) && /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/u.test(text) && !isLongProse(text);
/** "Copyright 2025 …", "© 2025 …". */
const isCopyright = (text: string): boolean => /^(?:copyright|©|\(c\))\s/iu.test(t(text));

/** The role a line's own shape gives it, if any (image captions, boxes and runs are decided with their neighbours). */
export function shapeRole(text: string): BlockRole | undefined {
  if (isByline(text)) return 'byline';
  if (isDateline(text)) return 'dateline';
  if (isImageCredit(text) || isCreditLine(text)) return 'credit';
  if (isMediaLine(text)) return 'media';
  if (isPromoLine(text) || isInlineTeaser(text)) return 'promo';
  if (isCopyright(text)) return 'footer';
  return undefined;
}

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
  // A quotation alone in its block, over a name line and a short title line, is a pull quote by its shape.
  out.forEach((b, i) => {
    if (b.kind !== 'article' || locked.has(i) || !isWholeQuotation(b.text) || wordCount(b.text) > QUOTE_MAX_WORDS) return;
    const name = out[i + 1];
    if (name?.kind === 'article' && !locked.has(i + 1) && isNameLine(name.text) && isCaptionLine(out[i + 2], locked, i + 2)) {
      out[i] = { ...b, kind: 'furniture', role: 'pull-quote' };
    }
  });
  // The name and title lines under a pull quote belong to it.
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.role !== 'pull-quote') continue;
    const name = out[i + 1];
    if (!name || name.kind !== 'article' || locked.has(i + 1) || !isNameLine(name.text)) continue;
    out[i + 1] = { ...name, kind: 'furniture', role: 'pull-quote' };
    if (isCaptionLine(out[i + 2], locked, i + 2)) out[i + 2] = { ...out[i + 2]!, kind: 'furniture', role: 'pull-quote' };
  }
  return out;
}

/** A name's title line under a pull quote: a short article line that is not a sentence ("Harbour master, Port of Eastholm"). */
const TITLE_WORDS = 8;
function isCaptionLine(b: Block | undefined, locked: ReadonlySet<number>, i: number): boolean {
  return b !== undefined && b.kind === 'article' && !locked.has(i) && wordCount(b.text) <= TITLE_WORDS && !endsSentence(b.text);
}
/** The whole block is one quotation: it opens with a quotation mark and its only closing mark ends it. */
function isWholeQuotation(text: string): boolean {
  const x = text.trim();
  return /^[“"«‘]/u.test(x) && /[”"»’]$/u.test(x) && !/[”»]/u.test(x.slice(1, -1));
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
