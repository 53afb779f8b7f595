/**
 * A reader's access date, added to a citation in each style's own form (the
 * CSL styles leave it out when the item has a publication date): APA 7 puts a
 * retrieval date before the URL of a page that changes ("Retrieved December
 * 7, 2026, from https://…"); MLA 9 ends the entry with "Accessed 7 Dec. 2026.";
 * Chicago 17 puts "accessed December 7, 2026," before the URL of a note and
 * "Accessed December 7, 2026." before the URL of a bibliography entry.
 * Pure and small: it runs in the browser, with the reader's date.
 */
export type AccessStyle = 'apa' | 'mla' | 'chicago';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** MLA 9's abbreviations (May, June and July are written out). */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export const longDate = (d: { y: number; m: number; d: number }): string => `${MONTHS[d.m - 1]} ${d.d}, ${d.y}`;
export const mlaDate = (d: { y: number; m: number; d: number }): string => `${d.d} ${MLA_MONTHS[d.m - 1]} ${d.y}`;

/** The last URL of a citation and what stands before it. */
function splitUrl(text: string): { before: string; url: string; after: string } | undefined {
  const m = /^([\s\S]*?)(https?:\/\/\S+?)(\.?)$/.exec(text.trim());
  return m ? { before: m[1]!, url: m[2]!, after: m[3]! } : undefined;
}

/**
 * `text` with the access date: `kind` "reference" (bibliography entry) or
 * "paragraph" (APA and MLA in-text citations are returned unchanged; Chicago's
 * is a note, which takes the date).
 */
export function withAccessDate(style: AccessStyle, kind: 'reference' | 'paragraph', text: string, date: { y: number; m: number; d: number }): string {
  if (kind === 'paragraph' && style !== 'chicago') return text;
  if (style === 'mla') return `${text.trim().replace(/\.?$/, '.')} Accessed ${mlaDate(date)}.`;
  const parts = splitUrl(text);
  if (!parts) return text;
  if (style === 'apa') return `${parts.before}Retrieved ${longDate(date)}, from ${parts.url}`;
  return kind === 'paragraph' ? `${parts.before}accessed ${longDate(date)}, ${parts.url}${parts.after}` : `${parts.before}Accessed ${longDate(date)}. ${parts.url}${parts.after}`;
}
