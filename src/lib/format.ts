/** Small display helpers shared by pages. */

/** "2025-03-22" → "22 March 2025" (UTC, so the build machine's zone never shifts it). */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "2025-03-22" → "22 Mar 2025" (short) or "22 March 2025" (long), in UTC. */
export function formatSourceDate(iso: string, style: 'short' | 'long' = 'long'): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: style === 'short' ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' });
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
