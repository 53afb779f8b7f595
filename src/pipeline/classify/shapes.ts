/**
 * Line shapes of web copy, for classification (classify-blocks.ts): what a
 * line looks like on its own (a byline, a dateline, an image credit, a share
 * or promo line, a box marker, a heading, a link) and the furniture role a
 * shape gives it. A shape alone never takes prose away from the article.
 */
import type { BlockRole } from '../types.ts';
import { type SourceLine } from '../split-paragraphs.ts';
import { normaliseForMatch, wordCount } from '../normalise-text.ts';
import { endsSentence, isLongProse, readsAsSentence } from '../prose.ts';

/** A trailer marker ("More from The Hill") is a short line. */
const MARKER_WORDS = 6;
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
export const isSocialHandle = (text: string): boolean => /^\s*@\w+\s*$/.test(text);

/**
 * A line of a link list: a headline, a "- link" item, a teaser cut off
 * mid-sentence ("… does not comply with the ...The Hill - 22m -"). Not long
 * prose, and not a long line that ends like a finished sentence.
 */
export const isLinkLike = (text: string): boolean =>
  !isLongProse(text) && !(wordCount(text) >= LINK_LINE_WORDS && endsSentence(text));

export const NUMBERED = /^\s*(\d+)\.\s+\S/;
/** Numbered, indented reader comments ("  1. Excellent article!"). */
export const isNumberedComment = (line: SourceLine): boolean => line.indent >= 2 && NUMBERED.test(line.text);

/** A subheading: a short line that starts with a capital letter and has no closing punctuation. */
export const isHeading = (text: string): boolean =>
  !/[.!?:;,…"'”’)\]»]$/.test(text.trim()) && /^["'“‘]?\p{Lu}/u.test(text.trim()) && wordCount(text) <= 8;

/**
 * Line shapes of in-text boxes (issue 22): what a line looks like, whatever
 * its place. Each is short and most are not sentences, so article prose that
 * merely mentions a newsletter or a photo never matches.
 */
const SHAPE_WORDS = 14;

/**
 * A line's normalised text and word count, remembered: the classifier asks a dozen shape questions of each
 * line, pass after pass over the source, and normalising the line each time was most of its cost (one
 * 50,000-line source: 2.2 s, 0.84 s remembered). Bounded (emptied past MEMO_LINES lines), so memory stays flat.
 */
const MEMO_LINES = 100_000;
function remembered<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) {
      if (seen.size >= MEMO_LINES) seen.clear();
      v = f(text);
      seen.set(text, v);
    }
    return v;
  };
}
const wordsIn = remembered(wordCount);
const short = (text: string, max = SHAPE_WORDS) => wordsIn(text) <= max;
export const t = remembered((text: string): string => normaliseForMatch(text).trim());

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
export const isPromoLike = (text: string): boolean => short(text, 25) && PROMO_WORDS.test(t(text));

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
export const isCorrectionNote = (text: string): boolean =>
  short(text, 40) && /^(?:this\s+(?:article|story|report|piece)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated)|correction:)/iu.test(t(text));
/** A contact call-out with an e-mail address ("Have your say: write to letters@…"). */
export const isContactLine = (text: string): boolean => short(text, 40) && /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/u.test(text) && !isLongProse(text);
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
