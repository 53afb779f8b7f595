/**
 * What a line of text looks like: prose sentences, a link-like line, a
 * headline. Small pure measures shared by classification and its report.
 */
import { normaliseForMatch, sentences, wordCount } from './normalise-text.ts';

/**
 * Words that, before a full stop, do not end a sentence ("Mr.", "Gen.", "Jan.", "etc."): the core both
 * sentence splitters use (the dates stage's clauses, the speech stage's sentences); each adds its own.
 */
export const SENTENCE_ABBREVIATIONS: readonly string[] = ['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'vs', 'etc', 'no', 'col', 'lt', 'sgt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'co', 'ltd', 'approx'];

/** A block with at least this many words inside complete sentences is a long prose block. */
export const LONG_PROSE_WORDS = 40;

/** Ends like a sentence: . ! ? or … possibly closed by quotes or brackets. */
const SENTENCE_END = /[.!?…]["')\]]*$/u;

/** True if `text` ends the way a sentence ends. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(normaliseForMatch(text));
}

/**
 * Words that stand in complete sentences (sentences that end with . ! ? or
 * …). A truncated teaser ("… does not comply with the ...The Hill - 22m -")
 * or a headline has few or none.
 */
export function proseWords(text: string): number {
  return sentences(text)
    .filter((s) => SENTENCE_END.test(s))
    .reduce((n, s) => n + wordCount(s), 0);
}

/** A long prose block: at least LONG_PROSE_WORDS words of complete sentences. */
export function isLongProse(text: string): boolean {
  return proseWords(text) >= LONG_PROSE_WORDS;
}

/**
 * Reads as a sentence rather than a headline, byline or date line: it ends
 * like a sentence, has at least three words, and at least half of its words
 * after the first start in lower case ("Putin wants more." but not
 * "By John Smith Jr." or "Jan. 5, 2025."). A question mark alone does not
 * make a sentence of the first line of a text: headlines ask questions.
 */
export function readsAsSentence(text: string, firstLine = false): boolean {
  const t = normaliseForMatch(text);
  if (!SENTENCE_END.test(t) || (firstLine && /\?["')\]]*$/u.test(t))) return false;
  const tokens = t.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (tokens.length < 3) return false;
  const lettered = tokens.slice(1).filter((w) => /^\p{L}/u.test(w));
  return lettered.filter((w) => /^\p{Ll}/u.test(w)).length * 2 >= lettered.length && lettered.length > 0;
}
