/**
 * Low-level text scanning for the speech stage: quotation marks, words and
 * sentences of one paragraph. Every function here is a single left-to-right
 * pass (linear in the paragraph's length) and never throws.
 */

/** One top-level quotation in a paragraph: [start, end) includes the marks. */
export interface QuoteRange {
  start: number;
  end: number;
  /** The quotation is still open at the end of the paragraph (a run-on quote). */
  unclosed: boolean;
  /** The paragraph opened without a mark, carrying on a quotation left open by the previous one. */
  carried: boolean;
}

const DOUBLE_OPEN = new Set(['\u201c', '\u201e', '\u00ab']); // “ „ «
const DOUBLE_CLOSE = new Set(['\u201d', '\u00bb']); // ” »
const SINGLE_OPEN = new Set(['\u2018', '\u2039']); // ‘ ‹
const SINGLE_CLOSE = new Set(['\u2019', '\u203a']); // ’ ›

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/]/u;

/** Role of a mark at index i: could it open, close, or neither (an apostrophe)? */
function markRole(text: string, i: number): 'open' | 'close' | 'either' | null {
  const c = text[i]!;
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  const prevOpens = prev === undefined || OPEN_CONTEXT.test(prev) || DOUBLE_OPEN.has(prev) || SINGLE_OPEN.has(prev);
  if (DOUBLE_OPEN.has(c)) return 'open';
  if (DOUBLE_CLOSE.has(c)) return 'close';
  if (c === '"') {
    if (prevOpens && !isSpace(next)) return 'open';
    if (!prevOpens) return 'close';
    return 'either';
  }
  // Single marks: only at a word boundary, never between two letters (don't, Russia’s).
  if (SINGLE_OPEN.has(c) || SINGLE_CLOSE.has(c) || c === "'") {
    if (isWordChar(prev) && isWordChar(next)) return null;
    // Elisions: 'til, 'tis, 'em, 'cause, '90s.
    if (prevOpens && /^(?:til|tis|twas|em|cause|bout|round|n\b|\d)/iu.test(text.slice(i + 1, i + 6))) return null;
    if (prevOpens && isWordChar(next)) return c === '\u2019' || c === '\u203a' ? null : 'open';
    if (!prevOpens && (isSpace(next) || /[.,;:!?)\]\u2014\u2013\u201d]/u.test(next ?? ' '))) {
      return c === '\u2018' || c === '\u2039' ? null : 'close';
    }
    return null;
  }
  return null;
}

/**
 * Top-level quotations of a paragraph. Double marks (curly, straight, low,
 * guillemets) make quotations; single marks make one only when no double
 * quotation encloses them and they pair at word boundaries, so apostrophes
 * (don't, Russia’s, 'til) are never taken for quotes. A mark that cannot be
 * paired is ignored; a quotation still open at the end runs to the end of the
 * paragraph (`unclosed`). `carryOpen`: the previous paragraph left a
 * quotation open and this one does not reopen it with a mark.
 */
export function scanQuotes(text: string, carryOpen = false): QuoteRange[] {
  const out: QuoteRange[] = [];
  let openAt = -1;
  let openKind: 'double' | 'single' | null = null;
  let carried = false;
  // A carried quotation only continues if the paragraph does not begin with an opening mark.
  const firstNonSpace = text.search(/\S/u);
  if (carryOpen && firstNonSpace >= 0) {
    const role = markRole(text, firstNonSpace);
    const c = text[firstNonSpace]!;
    const isDouble = DOUBLE_OPEN.has(c) || c === '"';
    if (!(isDouble && (role === 'open' || role === 'either'))) {
      openAt = 0;
      openKind = 'double';
      carried = true;
    }
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const isDouble = DOUBLE_OPEN.has(c) || DOUBLE_CLOSE.has(c) || c === '"';
    const isSingle = !isDouble && (SINGLE_OPEN.has(c) || SINGLE_CLOSE.has(c) || c === "'");
    if (!isDouble && !isSingle) continue;
    const role = markRole(text, i);
    if (role === null) continue;
    if (isDouble) {
      if (openKind === 'double') {
        if (role === 'close' || role === 'either') {
          out.push({ start: openAt, end: i + 1, unclosed: false, carried });
          openAt = -1;
          openKind = null;
          carried = false;
        } else {
          // A second opening mark while open: the earlier one was stray.
          openAt = i;
          carried = false;
        }
      } else if (role === 'open' || role === 'either') {
        // Opens (and supersedes a pending single quotation, which was then not one).
        openAt = i;
        openKind = 'double';
        carried = false;
      }
    } else if (openKind !== 'double') {
      if (openKind === 'single' && role === 'close') {
        out.push({ start: openAt, end: i + 1, unclosed: false, carried: false });
        openAt = -1;
        openKind = null;
      } else if (role === 'open') {
        openAt = i;
        openKind = 'single';
      }
    }
  }
  if (openKind === 'double' && openAt >= 0) {
    out.push({ start: openAt, end: text.length, unclosed: true, carried });
  }
  return out;
}

/** A word of the paragraph with its offsets. */
export interface Token {
  start: number;
  end: number;
  /** The word as written (possessive ’s kept). */
  raw: string;
  /** Lower case, curly apostrophe made straight. */
  lower: string;
  /** Index of the quotation containing it, or -1. */
  quote: number;
  /** Index of the sentence containing it. */
  sentence: number;
  /** Punctuation between the previous token and this one (trimmed), e.g. "," or "”,". */
  before: string;
}

const WORD = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*/gu;

/** Words of a paragraph, each tagged with its quotation (if any). Linear. */
export function tokenize(text: string, quotes: QuoteRange[]): Token[] {
  const tokens: Token[] = [];
  let q = 0;
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    let raw = m[0];
    // Initialisms keep their final dot: U.S., U.K.
    if (text[start + raw.length] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(raw)) raw += '.';
    const end = start + raw.length;
    while (q < quotes.length && quotes[q]!.end <= start) q++;
    const inside = q < quotes.length && quotes[q]!.start <= start ? q : -1;
    tokens.push({
      start,
      end,
      raw,
      lower: raw.toLowerCase().replace(/\u2019/gu, "'"),
      quote: inside,
      sentence: 0,
      before: text.slice(prevEnd, start).trim(),
    });
    prevEnd = end;
  }
  return tokens;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'jr', 'sr', 'vs', 'etc', 'no', 'col', 'lt',
  'capt', 'sgt', 'rev', 'fr', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'e.g', 'i.e', 'inc', 'corp', 'co', 'ltd', 'approx', 'cf',
]);

/**
 * Sentence ranges [start, end) covering the paragraph. A sentence ends at . ! ?
 * or … (plus closing marks) followed by space and a capital, digit or opening
 * mark, outside quotations; a quotation that ends with such punctuation ends
 * its sentence. Abbreviations (Mr., U.S.) and single initials do not end one.
 */
export function sentenceRanges(text: string, quotes: QuoteRange[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let q = 0;
  for (let i = 0; i < text.length; i++) {
    while (q < quotes.length && quotes[q]!.end <= i) q++;
    const cur = q < quotes.length ? quotes[q]! : undefined;
    const c = text[i]!;
    let endAt = -1;
    if (cur && !cur.unclosed && i === cur.end - 1) {
      // The closing mark of a quotation whose words end a sentence.
      if (i > 0 && /[.!?\u2026]/u.test(text[i - 1]!)) {
        let j = i + 1;
        while (j < text.length && /[”"’'»)\]]/u.test(text[j]!)) j++;
        endAt = j;
      }
    } else if (cur && cur.start <= i && i < cur.end) {
      continue;
    } else if (/[.!?\u2026]/u.test(c)) {
      let j = i + 1;
      while (j < text.length && /[”"’'»)\]]/u.test(text[j]!)) j++;
      endAt = j;
      if (c === '.') {
        const wordStart = text.slice(Math.max(0, i - 12), i).search(/[\p{L}.]+$/u);
        const word = wordStart < 0 ? '' : text.slice(Math.max(0, i - 12), i).slice(wordStart).toLowerCase();
        if (word.length === 1 || ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/u, ''))) endAt = -1;
      }
    }
    if (endAt < 0) continue;
    let k = endAt;
    while (k < text.length && /\s/u.test(text[k]!)) k++;
    if (k === endAt || k >= text.length) continue;
    const next = text[k]!;
    if (/[\p{Lu}\p{N}“"‘«(]/u.test(next)) {
      out.push([start, k]);
      start = k;
      i = k - 1;
    }
  }
  if (start < text.length || out.length === 0) out.push([start, text.length]);
  return out;
}

/** Assigns each token its sentence index. */
export function assignSentences(tokens: Token[], sentences: [number, number][]): void {
  let s = 0;
  for (const t of tokens) {
    while (s < sentences.length - 1 && sentences[s]![1] <= t.start) s++;
    t.sentence = s;
  }
}

/** Normalises text for comparison: quotes and apostrophes straight, whitespace collapsed, lower case. */
export function normaliseLoose(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u2039\u203a]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}
