/**
 * Text normalisation for comparing quotations with sources. Used for
 * matching only; displayed text is never normalised.
 */

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
    .split(/(?<=[.!?…]["')\]]?) (?=["'(\[]?[\p{Lu}\p{N}])/u)
    .filter((s) => s !== '');
}
