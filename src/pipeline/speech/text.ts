/**
 * Low-level text scanning for the speech stage: words and sentences of one
 * paragraph (quotation marks: quotes.ts). Every function here is a single left-to-right
 * pass (linear in the paragraph's length) and never throws.
 */

import type { QuoteRange } from './quotes.ts';
import { SENTENCE_ABBREVIATIONS } from '../prose.ts';

export { scanQuotes, type QuoteRange } from './quotes.ts';

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

/** Abbreviated titles written with a dot before a name. */
const TITLE_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'sen',
  'rep',
  'gov',
  'col',
  'lt',
  'capt',
  'sgt',
  'adm',
  'maj',
  'cmdr',
  'rev',
  'fr',
  'sr',
  'supt',
  'insp',
  'pres',
  'amb',
  'hon',
  'atty',
  'brig',
  'cpl',
  'pvt',
  'msgr',
  'sec',
]);

const WORD = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*/gu;

/** Words of a paragraph, each tagged with its quotation (if any). Linear. */
export function tokenize(text: string, quotes: QuoteRange[]): Token[] {
  const tokens: Token[] = [];
  let q = 0;
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    let raw = m[0];
    // Initialisms keep their final dot (U.S., U.K.), and so do title abbreviations (Rep., Mr., Gen.), so
    // that a name after one reads on: “…,” said Rep. Jane Holloway. `lower` is the title without its dot.
    let lower: string | undefined;
    if (text[start + raw.length] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(raw)) raw += '.';
    else if (
      text[start + raw.length] === '.' &&
      (TITLE_ABBREVIATIONS.has(raw.toLowerCase()) || /^\p{Lu}$/u.test(raw)) && // … and initials: J. Gerald Hebert
      /^\s+\p{Lu}/u.test(text.slice(start + raw.length + 1, start + raw.length + 3))
    ) {
      lower = raw.toLowerCase();
      raw += '.';
    }
    const end = start + raw.length;
    while (q < quotes.length && quotes[q]!.end <= start) q++;
    const inside = q < quotes.length && quotes[q]!.start <= start ? q : -1;
    tokens.push({
      start,
      end,
      raw,
      lower: lower ?? raw.toLowerCase().replace(/\u2019/gu, "'"),
      quote: inside,
      sentence: 0,
      before: text.slice(prevEnd, start).trim(),
    });
    prevEnd = end;
  }
  return tokens;
}

/** Words before a period that do not end a sentence: the shared core, and initialisms, name suffixes, titles, "e.g.". */
const ABBREVIATIONS = new Set([...SENTENCE_ABBREVIATIONS, 'jr', 'sr', 'capt', 'rev', 'fr', 'u.s', 'u.k', 'e.g', 'i.e', 'corp', 'cf']);

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
        while (j < text.length && /[”"’'»«“‘›‹」』)\]]/u.test(text[j]!)) j++;
        endAt = j;
      }
    } else if (cur && cur.start <= i && i < cur.end) {
      continue;
    } else if (/[.!?\u2026]/u.test(c)) {
      let j = i + 1;
      while (j < text.length && /[”"’'»«“‘›‹」』)\]]/u.test(text[j]!)) j++;
      endAt = j;
      if (c === '.') {
        const wordStart = text.slice(Math.max(0, i - 12), i).search(/[\p{L}.]+$/u);
        const word =
          wordStart < 0
            ? ''
            : text
                .slice(Math.max(0, i - 12), i)
                .slice(wordStart)
                .toLowerCase();
        if (word.length === 1 || ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/u, ''))) endAt = -1;
      }
    }
    if (endAt < 0) continue;
    let k = endAt;
    while (k < text.length && /\s/u.test(text[k]!)) k++;
    if (k === endAt || k >= text.length) continue;
    const next = text[k]!;
    if (/[\p{Lu}\p{N}“„"‘‚«»‹「『(]/u.test(next)) {
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
