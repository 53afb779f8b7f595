/**
 * Calendar arithmetic for the dates stage: partial dates (a year, a month of a
 * year, a day), their ISO 8601 form, validity, and counting units forwards or
 * backwards. Proleptic Gregorian, years 0–9999. Pure.
 */

/** A date known to a year, a month or a day. */
export interface PartialDate {
  y: number;
  m?: number;
  d?: number;
}

export type Unit = 'year' | 'month' | 'week' | 'day';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export function iso(p: PartialDate): string {
  let s = pad(p.y, 4);
  if (p.m !== undefined) s += `-${pad(p.m, 2)}`;
  if (p.m !== undefined && p.d !== undefined) s += `-${pad(p.d, 2)}`;
  return s;
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD; undefined for anything else or an impossible date. */
export function parseIso(s: string): PartialDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(s);
  if (!m) return undefined;
  const p: PartialDate = { y: Number(m[1]) };
  if (m[2] !== undefined) p.m = Number(m[2]);
  if (m[3] !== undefined) p.d = Number(m[3]);
  return isValid(p) ? p : undefined;
}

export const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;

/** A real calendar date (31 February is not; nor month 13; years 0–9999). */
export function isValid(p: PartialDate): boolean {
  if (!Number.isInteger(p.y) || p.y < 0 || p.y > 9999) return false;
  if (p.m === undefined) return p.d === undefined;
  if (!Number.isInteger(p.m) || p.m < 1 || p.m > 12) return false;
  if (p.d === undefined) return true;
  return Number.isInteger(p.d) && p.d >= 1 && p.d <= daysInMonth(p.y, p.m);
}

/** Keeps only the parts a precision has: 'year' drops month and day, 'month' drops the day. */
export function truncate(p: PartialDate, to: 'year' | 'month' | 'day'): PartialDate {
  if (to === 'year') return { y: p.y };
  if (to === 'month') return p.m === undefined ? { y: p.y } : { y: p.y, m: p.m };
  return { ...p };
}

/** How fine a partial date is. */
export const grain = (p: PartialDate): 'year' | 'month' | 'day' =>
  p.m === undefined ? 'year' : p.d === undefined ? 'month' : 'day';

/**
 * Moves a date by n units (negative: backwards). A month move keeps the day
 * where it exists and clamps it otherwise (31 March − 1 month = 28/29 February);
 * a week or day move needs a day and returns undefined without one.
 */
export function shift(p: PartialDate, n: number, unit: Unit): PartialDate | undefined {
  let out: PartialDate | undefined;
  if (unit === 'year') {
    out = { ...p, y: p.y + n };
    if (out.m !== undefined && out.d !== undefined) out.d = Math.min(out.d, daysInMonth(out.y, out.m));
  } else if (unit === 'month') {
    if (p.m === undefined) return undefined;
    const idx = p.y * 12 + (p.m - 1) + n;
    out = { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
    if (p.d !== undefined) out.d = Math.min(p.d, daysInMonth(out.y, out.m!));
  } else {
    if (p.m === undefined || p.d === undefined) return undefined;
    // setUTCFullYear, not Date.UTC, which maps years 0–99 to 1900–1999.
    const at = new Date(0);
    at.setUTCFullYear(p.y, p.m - 1, p.d);
    const moved = new Date(at.getTime() + n * (unit === 'week' ? 7 : 1) * 86_400_000);
    out = { y: moved.getUTCFullYear(), m: moved.getUTCMonth() + 1, d: moved.getUTCDate() };
  }
  return out && isValid(out) ? out : undefined;
}

/** Day of the week, 0 = Sunday, of a full date. */
export function weekday(p: Required<PartialDate>): number {
  const d = new Date(0);
  d.setUTCFullYear(p.y, p.m - 1, p.d);
  return d.getUTCDay();
}

/** Compares two dates at the coarser of their grains: -1, 0 or 1. */
export function compare(a: PartialDate, b: PartialDate): number {
  const keys: ('y' | 'm' | 'd')[] = ['y', 'm', 'd'];
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === undefined || y === undefined) return 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
