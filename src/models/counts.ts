/** Counts in running text, so that pages say what the collections hold rather than a number typed once. */

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** 4 → "four", 13 → "13" (words up to twelve, as style guides do). */
export function countWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < WORDS.length ? WORDS[n]! : n.toLocaleString('en-GB');
}

/** 4, "thesis", "theses" → "four theses"; 1 → "one thesis". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${countWord(n)} ${n === 1 ? one : many}`;
}

/** "four theses" → "Four theses". */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "2021-12-28" → "December 2021" (UTC). */
export function monthYear(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * " dated between December 2021 and December 2025 (two undated)", " dated May 2025", or "" when no date is
 * known: the dates the texts carry (some are "Updated" times or inferred, which each source page says).
 */
export function publishedSpan(dates: readonly (string | undefined)[]): string {
  const known = dates.filter((d): d is string => typeof d === 'string' && d !== '').sort();
  if (known.length === 0) return '';
  const first = monthYear(known[0]!);
  const last = monthYear(known.at(-1)!);
  const undated = dates.length - known.length;
  const span = first === last ? ` dated ${first}` : ` dated between ${first} and ${last}`;
  return undated > 0 ? `${span} (${counted(undated, 'undated', 'undated')})` : span;
}
