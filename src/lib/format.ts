/** Small display helpers shared by pages. */

/** "2025-03-22" → "22 March 2025", or "22 Mar 2025" with `short` (UTC, so the build machine's zone never shifts it). */
export function formatDate(iso: string, month?: 'long' | 'short'): string;
export function formatDate(iso: string | undefined, month?: 'long' | 'short'): string | undefined;
export function formatDate(iso: string | undefined, month: 'long' | 'short' = 'long'): string | undefined {
  if (!iso) return undefined;
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
}

/** 28156 → "27.5 KiB (28,156 bytes)". */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-GB')} bytes`;
  return bytes < 1024 ? exact : `${(bytes / 1024).toFixed(1)} KiB (${exact})`;
}

/** "1 citation", "3 citations". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** When a source was published, for tables and lists: "28 Dec 2021", "updated 22 Mar 2025", "1 Dec 2025 (date inferred)", "Undated". */
export function whenOf(entry: { published?: string | undefined; dateKind?: string | undefined; dateInferred?: boolean | undefined }): string {
  if (!entry.published) return 'Undated';
  const date = formatDate(entry.published, 'short');
  return `${entry.dateKind === 'updated' ? 'updated ' : ''}${date}${entry.dateInferred ? ' (date inferred)' : ''}`;
}
