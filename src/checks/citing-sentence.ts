/**
 * The sentence a citation marker belongs to, for "Cited in" backlinks on
 * source pages. A marker stands after the claim it supports: directly after a
 * sentence's final punctuation it cites that sentence; inside a sentence
 * (after an inline quotation) it belongs to the sentence around it. Pure.
 */

/** Sentence ends: . ! ? … optionally closed by a quote or bracket, then space and a capital, digit or opening quote. */
const BOUNDARY = /(?<=[.!?…]["'”’)\]]?)\s+(?=["'“‘([]?[\p{Lu}\p{N}])/u;
const ENDS_SENTENCE = /[.!?…]["'”’)\]]?$/u;

/** One space between words, none before punctuation (where a marker stood: "enlargement , a freeze"). */
const tidy = (s: string): string => s.replace(/\s+/gu, ' ').replace(/ ([,;:.!?])/gu, '$1').trim();

/** The sentence of `text` that a marker at offset `at` cites (text with markers removed). */
export function citingSentence(text: string, at: number): string {
  const before = text.slice(0, Math.max(0, Math.min(at, text.length)));
  const after = text.slice(before.length);
  const head = before.split(BOUNDARY);
  if (ENDS_SENTENCE.test(before.trimEnd()) || tidy(after) === '') {
    const last = head.map(tidy).filter(Boolean).at(-1);
    if (last !== undefined) return last;
    return tidy(after.split(BOUNDARY)[0] ?? '');
  }
  const tail = after.split(BOUNDARY)[0] ?? '';
  return tidy(`${head.at(-1) ?? ''}${tail}`);
}
