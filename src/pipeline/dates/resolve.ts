/**
 * How a candidate mention of the dates stage resolves to a date: explicit
 * dates as written, relative ones counted from the publication date or from a
 * date earlier in the paragraph.
 */
import { grain, isValid, iso, shift, truncate, type PartialDate, type Unit } from './calendar.ts';
import { precisionOfUnit } from './patterns.ts';
import type { DatePrecision } from '../dates.ts';

/** One candidate mention before overlaps are settled and relative dates resolved. */
export interface Cand {
  start: number;
  /** Where the date itself starts, after a cue kept in the words ("since 2014"); the cue is dropped when an earlier mention already holds it. */
  core?: number;
  end: number;
  /** Sort key among candidates at one start: larger wins. */
  weight: number;
  resolve: (r: Resolver) => Resolved | null;
}
interface Resolved {
  date: PartialDate | null;
  end?: PartialDate;
  precision: DatePrecision;
  explicit: boolean;
  resolvedFrom?: 'published' | 'passage';
  inferred?: boolean;
  note?: string;
  /** Overrides the default bound from the cue before the words. */
  bound?: 'start' | 'end' | null;
}
export interface Resolver {
  published: PartialDate | undefined;
  publishedInferred: boolean;
  /** The nearest earlier mention in this paragraph with a day, month or year date. */
  passage: { date: PartialDate; approximate: boolean; inferred: boolean } | undefined;
  /** The absolute date that starts right after this candidate, if any ("two years after 2014"). */
  next: PartialDate | undefined;
}

export const NO_PUBLISHED = 'no publication date to count from';
export const NO_PASSAGE = 'no date earlier in the paragraph to count from';

export const explicitDate = (p: PartialDate, precision: DatePrecision = grain(p)): Resolved =>
  isValid(p)
    ? { date: p, precision, explicit: true }
    : { date: null, precision, explicit: true, note: `not a calendar date (${iso(p)})` };

/** Counts n units from the publication date: the result has the unit's grain (an approximate one with a hedge). */
export function fromPublished(r: Resolver, n: number, unit: Unit, hedged: boolean): Resolved {
  const precision = hedged ? 'approximate' : precisionOfUnit(unit);
  if (!r.published) return { date: null, precision, explicit: false, note: NO_PUBLISHED };
  const moved = shift(r.published, n, unit);
  if (!moved) return { date: null, precision, explicit: false, note: 'out of the calendar' };
  return {
    date: truncate(moved, precisionOfUnit(unit)),
    precision,
    explicit: false,
    resolvedFrom: 'published',
    inferred: r.publishedInferred,
  };
}

/** Counts n units from a date in the paragraph: the coarser of its grain and the unit's. */
export function fromDate(
  anchor: { date: PartialDate; approximate: boolean; inferred: boolean },
  n: number,
  unit: Unit,
  hedged: boolean,
  from: 'passage',
): Resolved {
  const g = grain(anchor.date);
  const ug = precisionOfUnit(unit);
  const order = ['year', 'month', 'day'];
  const coarser = (order.indexOf(g) < order.indexOf(ug) ? g : ug) as 'year' | 'month' | 'day';
  // Weeks and days need a day to count from; months a month.
  const moved =
    order.indexOf(g) >= order.indexOf(ug)
      ? shift(anchor.date, n, unit)
      : shift(anchor.date, Math.round(n / (unit === 'month' ? 12 : 365 / (unit === 'week' ? 7 : 1))), 'year');
  const precision = hedged || anchor.approximate ? 'approximate' : coarser;
  if (!moved) return { date: null, precision, explicit: false, note: 'out of the calendar' };
  return { date: truncate(moved, coarser), precision, explicit: false, resolvedFrom: from, inferred: anchor.inferred };
}
