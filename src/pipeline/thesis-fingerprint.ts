/**
 * The fingerprint of a thesis's reader-visible text: its title, its question
 * and the words of its body as rendered (quotations included, citation
 * markers and permalink marks left out, so a source's renumbering changes
 * nothing), whitespace collapsed, Unicode NFC. Twelve hex digits of SHA-256.
 *
 * A thesis's `changes` list records this fingerprint with each dated entry;
 * the build compares the text's fingerprint with the newest entry's
 * (src/integrations/rehype-thesis-version.ts), so a change a reader can see
 * always has an entry, and a markup-only change needs none.
 */
import { hash } from 'node:crypto';

export const FINGERPRINT = /^[0-9a-f]{12}$/;

export function readerText(parts: readonly string[]): string {
  return parts
    .join('\n')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

export const fingerprint = (parts: readonly string[]): string => hash('sha256', readerText(parts), 'hex').slice(0, 12);

/** Reading time in whole minutes (at least 1) at 230 words a minute. */
export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / 230));

export const countWords = (text: string): number => (text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
