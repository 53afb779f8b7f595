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

/**
 * The stretch of `text` that `needle` matches under normaliseForMatch, as it
 * is written in `text` (its own quotes and spacing), or undefined. Lets a
 * quotation be displayed exactly as the source has it.
 */
export function findOriginal(text: string, needle: string): string | undefined {
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
  const at = want === '' ? -1 : norm.indexOf(want);
  if (at === -1) return undefined;
  return source.slice(origin[at], origin[at + want.length - 1]! + 1);
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
