/**
 * The dates stage: every dated mention in a source's article paragraphs.
 *
 * Input: paragraphs ({text, kind?, anchor?, spans?}: the speech stage's spans,
 * if given, lend a mention inside a direct or reported span that span's
 * speaker) and the source's publication date ({published?: 'YYYY-MM-DD',
 * publishedInferred?}). Output: per paragraph, its mentions in text order.
 * Only article paragraphs (kind absent or 'article') are read. Pure; each
 * pattern is one left-to-right regular-expression scan with bounded look-around,
 * so the stage is linear in the text (a line of ten thousand numbers included).
 *
 * What counts (README "Data", events.json; tests/fixtures/dates/ has a case for each):
 * - Explicit dates: "28 December 2021", "December 28, 2021", "2021-12-28" (day);
 *   "February 2022" (month); a year with a cue (below); "the 1990s" (decade,
 *   1990–1999; "the 1800s" is a century, "the 2000s" a decade); "the 19th
 *   century" (century, 1800–1899); "the summer of 2014", "late 2019", "early
 *   December 2021" (approximate: a vague part of the unit `date` names); year
 *   ranges "from 2014 to 2022", "2014–2022", "2014-15", "between 2014 and 2022".
 * - A bare four-digit number (1000–2100) is a year only with a cue: a
 *   preposition before it (in, since, by, until, of, from, to, after, before,
 *   during, as, around, circa, through), a determiner or possessive before it and
 *   a word after it ("the 2016 election", "a 2005 speech", "Russia's 2014
 *   annexation"), brackets "(2008)", or a month. "of 2014 and 2015" continues
 *   the cue to at most MAX_LIST more years. Never when a count noun follows
 *   ("2000 troops") or it is part of a larger number ("100,000").
 * - Dates without a year ("February 24", "In June", "last November", "on
 *   Tuesday") take the publication date's: the latest such day or month at or
 *   before publication ("last": strictly before; "next": the first after).
 * - Relative: "two years ago", "last/this/next year|month|week", "yesterday",
 *   "the past/next N years", "the next decade" (a range from/to publication);
 *   "three years on" (after a date earlier in the paragraph, else the time of
 *   writing); "eight weeks later", "two years after|before <date>", "the
 *   following year", "that year" (from a date in the paragraph only).
 *   `resolvedFrom` says which; counted from a publication date the manifest
 *   marks inferred, the result is `inferred`. With nothing to count from the
 *   mention stays, with `date: null` and a `note`.
 * - "since/from/after X" marks X as a start (`bound: 'start'`), "until/till/by/
 *   before X" as an end (`bound: 'end'`).
 * - An impossible date ("31 February 2022") is kept with `date: null` and a note.
 * Not dates: durations with no anchor ("for 11 years", "for centuries"), vague
 * words ("now", "today", "recently", "the coming days"), "since then", named
 * eras, numbers that are not years ("28-point plan", "20%"), numeric
 * slash dates ("01/12/2025": day or month first cannot be told).
 *
 * `event`: the words that say what happened — the sentence holding the mention,
 * cut to its clause and to at most 25 words (dates/clause.ts).
 *
 * The parts in ./dates/: patterns.ts (words and regular expressions),
 * candidates.ts (the scan), resolve.ts (relative dates counted), calendar.ts
 * (partial dates) and clause.ts (the event's words). This module settles each
 * paragraph's mentions.
 */
import { iso, parseIso, type PartialDate } from './dates/calendar.ts';
import { eventAround, sentenceBounds } from './dates/clause.ts';
import type { Resolver } from './dates/resolve.ts';
import { candidates, settle } from './dates/candidates.ts';

export { MAX_LIST } from './dates/patterns.ts';

export type DatePrecision = 'day' | 'month' | 'year' | 'approximate' | 'decade' | 'century';

export interface DateMention {
  /** The words that carry the date, exactly as in the paragraph. */
  words: string;
  /** UTF-16 offset of `words` in the paragraph text. */
  offset: number;
  /** ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD); null when it cannot be resolved (see `note`). */
  date: string | null;
  /** Last year/month/day of a range or period (a decade, a century, "2014–2022", "the past two years"). */
  end?: string;
  precision: DatePrecision;
  /** The text writes the whole date out; false when any part was counted from another date. */
  explicit: boolean;
  /** The sentence or clause around the mention, at most 25 words; a substring of the paragraph. */
  event: string;
  /** Whose claim the date is: the speaker of the direct or reported speech span it sits in. */
  speaker?: string;
  /** What a non-explicit date was counted from: the publication date, or a date earlier in the same paragraph. */
  resolvedFrom?: 'published' | 'passage';
  /** Counted from a publication date that is itself inferred (manifest `dateInferred: true`). */
  inferred?: true;
  /** "since 2014": the date starts an open-ended period; "until 2014": it ends one. */
  bound?: 'start' | 'end';
  /** Why `date` is null, or what else a reader should know. */
  note?: string;
}

export interface DatesContext {
  /** The source's publication date, YYYY-MM-DD (manifest `published`). */
  published?: string | undefined;
  /** Manifest `dateInferred`. */
  publishedInferred?: boolean | undefined;
}

export interface DatesParagraph {
  text: string;
  kind?: string;
  anchor?: string;
  /** The speech stage's spans for this paragraph (offsets into `text`). */
  spans?: readonly { kind: string; speaker: string | null; start: number; end: number }[] | undefined;
}

/** Dated mentions of every paragraph of one source, in text order; [] for blocks that are not article paragraphs. */
export function extractDates(paragraphs: readonly DatesParagraph[], ctx: DatesContext = {}): DateMention[][] {
  return paragraphs.map((p) => (p.kind === undefined || p.kind === 'article' ? datesInText(p.text, ctx, p.spans) : []));
}

const BOUND_FIRST = /^(since|from|after|until|till|by|before)\s/iu;
const BOUND_BEFORE = /(?:^|[^\p{L}])(since|from|after|until|till|by|before)\s+(?:the\s+)?$/iu;

/** The dated mentions of one paragraph's text, in text order. */
export function datesInText(
  text: string,
  ctx: DatesContext = {},
  spans: DatesParagraph['spans'] = undefined,
): DateMention[] {
  const published = ctx.published ? parseIso(ctx.published) : undefined;
  const kept = settle(candidates(text));
  const bounds = sentenceBounds(text);
  const out: DateMention[] = [];
  let passage: Resolver['passage'];
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]!;
    const nextCand = kept[i + 1];
    let next: PartialDate | undefined;
    if (nextCand && /^\s*$/u.test(text.slice(c.end, nextCand.start))) {
      const probe = nextCand.resolve({
        published: undefined,
        publishedInferred: false,
        passage: undefined,
        next: undefined,
      });
      if (probe?.explicit && probe.date) next = probe.date;
    }
    const r = c.resolve({ published, publishedInferred: ctx.publishedInferred === true, passage, next });
    if (!r) continue;
    const words = text.slice(c.start, c.end);
    const m: DateMention = {
      words,
      offset: c.start,
      date: r.date ? iso(r.date) : null,
      precision: r.precision,
      explicit: r.explicit,
      event: eventAround(text, bounds, c.start, c.end),
    };
    if (r.end && r.date) m.end = iso(r.end);
    const speaker = spans?.find(
      (s) => (s.kind === 'direct' || s.kind === 'reported') && s.speaker && s.start <= c.start && c.start < s.end,
    )?.speaker;
    if (speaker) m.speaker = speaker;
    if (r.date && r.resolvedFrom) m.resolvedFrom = r.resolvedFrom;
    if (r.date && r.inferred) m.inferred = true;
    const bound =
      r.bound === undefined
        ? (BOUND_FIRST.exec(words)?.[1] ?? BOUND_BEFORE.exec(text.slice(Math.max(0, c.start - 12), c.start))?.[1])
        : undefined;
    if (bound) m.bound = /^(since|from|after)$/iu.test(bound) ? 'start' : 'end';
    if (r.note) m.note = r.note;
    out.push(m);
    if (r.date && r.precision !== 'decade' && r.precision !== 'century' && !r.end)
      passage = { date: r.date, approximate: r.precision === 'approximate', inferred: Boolean(m.inferred) };
  }
  return out;
}