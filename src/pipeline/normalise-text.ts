/**
 * Text normalisation for comparing quotations with sources. Used for
 * matching only; displayed text is never normalised.
 */
import { distance as levenshtein } from 'fastest-levenshtein';

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u00ab': '"', '\u00bb': '"',
};

/**
 * NFC, typographic quotes to straight ones, every run of whitespace
 * (including NBSP and other Unicode spaces) to one space, trimmed.
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, (ch) => QUOTES[ch]!)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Letters, digits and combining marks are what words are made of; anything else is a word boundary. */
const endsInWord = (text: string): boolean => /[\p{L}\p{N}\p{M}]$/u.test(text);
const startsWithWord = (text: string): boolean => /^[\p{L}\p{N}\p{M}]/u.test(text);

/** One occurrence of a needle in a haystack, both already normalised with normaliseForMatch. */
export interface Occurrence {
  /** Offset in the haystack. */
  at: number;
  /** Words of the haystack the occurrence cuts in two (empty when it is whole-word). */
  cuts: string[];
}

/** The whole word of `text` that position `i` (between two of its characters) falls inside. */
function wordAround(text: string, i: number): string {
  return /[\p{L}\p{N}\p{M}]*$/u.exec(text.slice(0, i))![0] + /^[\p{L}\p{N}\p{M}]*/u.exec(text.slice(i))![0];
}

/**
 * Every occurrence of `needle` in `haystack` (both normalised), each with the
 * words it cuts: an occurrence starts at a word boundary unless the needle
 * begins with a letter or digit and the haystack has one just before it;
 * likewise at its end. "likely" inside "unlikely" cuts the word "unlikely".
 */
export function occurrences(haystack: string, needle: string): Occurrence[] {
  const out: Occurrence[] = [];
  if (needle === '') return out;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const cuts: string[] = [];
    const end = at + needle.length;
    if (startsWithWord(needle) && endsInWord(haystack.slice(Math.max(0, at - 2), at))) cuts.push(wordAround(haystack, at));
    if (endsInWord(needle) && startsWithWord(haystack.slice(end, end + 2))) cuts.push(wordAround(haystack, end));
    out.push({ at, cuts: [...new Set(cuts)] });
  }
  return out;
}

/** Offsets at which `needle` occurs in `haystack` (both normalised) as whole words. */
export function wholeWordMatches(haystack: string, needle: string): number[] {
  return occurrences(haystack, needle)
    .filter((o) => o.cuts.length === 0)
    .map((o) => o.at);
}

/**
 * The stretch of `text` that `needle` matches as whole words under
 * normaliseForMatch (its first such occurrence), as it is written in `text`
 * (its own quotes and spacing), or undefined. Lets a quotation be displayed
 * exactly as the source has it.
 */
export function findOriginal(text: string, needle: string): string | undefined {
  const range = locateOriginal(text, needle);
  return range && text.normalize('NFC').slice(range.start, range.end);
}

/**
 * Where `needle` first matches `text` as whole words under normaliseForMatch:
 * UTF-16 offsets [start, end) into `text` (NFC; the seeds are NFC, which a
 * test checks), or undefined. Used to find which speaker's span quoted words
 * fall in.
 */
export function locateOriginal(text: string, needle: string): { start: number; end: number } | undefined {
  const source = text.normalize('NFC');
  let norm = '';
  const origin: number[] = []; // origin[i]: index in `source` of norm[i]
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (/\s/u.test(ch)) {
      if (norm !== '' && !norm.endsWith(' ')) {
        norm += ' ';
        origin.push(i);
      }
      continue;
    }
    norm += ch in QUOTES ? QUOTES[ch] : ch;
    origin.push(i);
  }
  const want = normaliseForMatch(needle);
  const at = want === '' ? undefined : wholeWordMatches(norm, want)[0];
  if (at === undefined) return undefined;
  return { start: origin[at]!, end: origin[at + want.length - 1]! + 1 };
}

/** Words as written (case kept, letters, digits and inner apostrophes), for comparing a quotation with a paragraph. */
export function wordsAsWritten(text: string): string[] {
  return normaliseForMatch(text).match(/[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{M}]+)*/gu) ?? [];
}

/**
 * The candidate closest to `name` by edit distance (ignoring case), when it is
 * close enough to be a plausible typo: at most two edits or a third of the
 * longer string's length, and fewer edits than the shorter one has characters
 * (so "qoute" suggests "quote", "a" suggests nothing). For "did you mean" hints; exact matches are not suggestions.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = levenshtein(name.toLowerCase(), candidate.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(name.length, candidate.length) / 3));
    if (d <= limit && d < Math.min(name.length, candidate.length) && (!best || d < best.d)) best = { candidate, d };
  }
  return best?.candidate;
}

/** Lower-case words (letters and digits), for fuzzy comparisons such as pull-quote detection. */
export function words(text: string): string[] {
  return normaliseForMatch(text).toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** Number of words, as a reader would count them. */
export function wordCount(text: string): number {
  return words(text).length;
}

/** Splits prose into sentences at ., ! or ? (optionally closed by a quote) followed by a space. */
export function sentences(text: string): string[] {
  return normaliseForMatch(text)
    .split(/(?<=[.!?…]["')\]]?) (?=["'([]?[\p{Lu}\p{N}])/u)
    .filter((s) => s !== '');
}

/** A text on one line (whitespace collapsed), clipped with "…" to at most `max` characters: for messages. */
export function clipLine(text: string, max = 50): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
