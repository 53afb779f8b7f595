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
 */
import {
  compare,
  grain,
  isValid,
  iso,
  parseIso,
  shift,
  truncate,
  weekday,
  type PartialDate,
  type Unit,
} from './dates/calendar.ts';
import { eventAround, sentenceBounds } from './dates/clause.ts';

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

/** At most this many years follow one cue in a list ("in 2014, 2015 and 2016"); a longer run of numbers is data, not dates. */
export const MAX_LIST = 4;

const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ABBR_MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Sept: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const FULL = FULL_MONTHS.join('|');
const MON = `(?:${FULL}|(?:Sept|${Object.keys(ABBR_MONTHS).join('|')})\\.?)`;
const WD = `(?:(?:${WEEKDAYS.join('|')}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?),?\\s+)?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** A four-digit number standing alone: not inside a longer number, a decimal, a thousands group, a code or a percentage. */
const Y4 = '(\\d{4})(?![\\p{L}\\p{N}]|[.,:/]\\d|\\s*%)';
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

const NUM_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const NUM = `(\\d{1,3}|(?:${TENS})[-\\s](?:one|two|three|four|five|six|seven|eight|nine)|${Object.keys(NUM_WORDS).join('|')})`;
const UNIT = '(years?|months?|weeks?|days?|decades?|centur(?:y|ies))';
const HEDGE = '(?:(about|some|nearly|almost|over|more\\s+than|less\\s+than|roughly|around|approximately)\\s+)?';

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  'twenty-first': 21,
  'twenty first': 21,
  'twenty-second': 22,
};

/** Nouns that make a preceding number a count, not a year ("2000 troops"). */
const COUNT_NOUNS = new Set(
  (
    'troops soldiers people persons men women children civilians refugees casualties deaths dead killed wounded prisoners ' +
    'km kilometers kilometres miles meters metres feet foot tons tonnes barrels dollars euros rubles roubles pounds yuan ' +
    'tanks drones missiles shells rounds vehicles aircraft planes ships votes voters points times units members cases pages ' +
    'words hours minutes seconds days weeks months years decades centuries villages towns cities homes buildings'
  ).split(' '),
);

const monthOf = (s: string): number => {
  const clean = s.replace(/\.$/u, '');
  const full = FULL_MONTHS.indexOf(clean);
  return full >= 0 ? full + 1 : (ABBR_MONTHS[clean] ?? 0);
};
const numberOf = (s: string): number => {
  const t = s.toLowerCase().replace(/\s+/gu, ' ');
  if (/^\d+$/u.test(t)) return Number(t);
  const compound = /^([a-z]+)[- ]([a-z]+)$/u.exec(t);
  if (compound) return (NUM_WORDS[compound[1]!] ?? 0) + (NUM_WORDS[compound[2]!] ?? 0);
  return NUM_WORDS[t] ?? 0;
};
/** A unit word as a count of calendar units. */
const unitOf = (s: string): { unit: Unit; times: number } => {
  const u = s.toLowerCase();
  if (u.startsWith('decade')) return { unit: 'year', times: 10 };
  if (u.startsWith('centur')) return { unit: 'year', times: 100 };
  return { unit: u.replace(/s$/u, '') as Unit, times: 1 };
};
const precisionOfUnit = (u: Unit): 'year' | 'month' | 'day' =>
  u === 'year' ? 'year' : u === 'month' ? 'month' : 'day';
const isYear = (n: number) => n >= 1000 && n <= 2100;

/** One candidate mention before overlaps are settled and relative dates resolved. */
interface Cand {
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
interface Resolver {
  published: PartialDate | undefined;
  publishedInferred: boolean;
  /** The nearest earlier mention in this paragraph with a day, month or year date. */
  passage: { date: PartialDate; approximate: boolean; inferred: boolean } | undefined;
  /** The absolute date that starts right after this candidate, if any ("two years after 2014"). */
  next: PartialDate | undefined;
}

const NO_PUBLISHED = 'no publication date to count from';
const NO_PASSAGE = 'no date earlier in the paragraph to count from';

const explicitDate = (p: PartialDate, precision: DatePrecision = grain(p)): Resolved =>
  isValid(p)
    ? { date: p, precision, explicit: true }
    : { date: null, precision, explicit: true, note: `not a calendar date (${iso(p)})` };

/** Counts n units from the publication date: the result has the unit's grain (an approximate one with a hedge). */
function fromPublished(r: Resolver, n: number, unit: Unit, hedged: boolean): Resolved {
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
function fromDate(
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

/** Runs a global regex over the text, calling make for each match. */
function scan(text: string, re: RegExp, make: (m: RegExpExecArray) => Cand | Cand[] | null, out: Cand[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = make(m);
    if (Array.isArray(c)) out.push(...c);
    else if (c) out.push(c);
    if (m[0].length === 0) re.lastIndex++;
  }
}

const rx = (src: string, flags = 'gu') => new RegExp(src, flags);

const P_DMY = rx(`${L}${WD}${DAY}\\s+(?:of\\s+)?(${MON}),?\\s+${Y4}`);
const P_MDY = rx(`${L}${WD}(${MON})\\s+${DAY},?\\s+${Y4}`);
const P_ISO = rx(`(?<![\\p{L}\\p{N}/.-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\p{L}\\p{N}/-])`);
const P_MD = rx(`${L}${WD}(${MON})\\s+${DAY}(?![\\p{L}\\p{N}]|,?\\s+\\d|[.:/-]\\d)`);
const P_DM = rx(`${L}${WD}${DAY}\\s+(?:of\\s+)?(${MON})(?![\\p{L}]|,?\\s+\\d)`);
const P_MY = rx(`${L}(?:([Ee]arly|[Ll]ate|[Mm]id)[\\s-]+)?(${MON}),?\\s+${Y4}`);
const P_SEASON_Y = rx(
  `${L}(?:[Tt]he\\s+)?(?:(?:[Ee]arly|[Ll]ate)\\s+)?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\\s+(?:of\\s+)?${Y4}`,
);
const P_SEASON_REL = rx(`${L}(last|this|next)\\s+(?:spring|summer|autumn|fall|winter)${R}`, 'giu');
const P_PART_Y = rx(`${L}([Ee]arly|[Ll]ate|[Mm]id)[\\s-]+${Y4}`);
const P_MONTH = rx(
  `${L}([Ii]n|[Ll]ast|[Nn]ext|[Tt]his|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Oo]f|[Tt]hrough|[Bb]efore|[Aa]fter)\\s+(?:in\\s+)?(${FULL})${R}(?!,?\\s+\\d)`,
);
const P_WEEKDAY = rx(
  `${L}([Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Ss]ince|[Uu]ntil|[Bb]y)\\s+(${WEEKDAYS.join('|')})${R}(?!,?\\s+(?:\\d|${FULL}))`,
);
const P_DECADE = rx(`${L}(?:[Tt]he\\s+)?(?:([Ee]arly|[Ll]ate|[Mm]id)[\\s-]+)?(\\d{3}0)['’]?s${R}`);
const P_DECADE_SHORT = rx(`(?:[Tt]he\\s+)?(?:([Ee]arly|[Ll]ate|[Mm]id)[\\s-]+)?['’](\\d)0s${R}`);
const P_CENTURY = rx(`${L}(?:[Tt]he\\s+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]+[Cc]entury${R}`);
const P_CENTURY_W = rx(`${L}(?:the\\s+)?(${Object.keys(ORDINAL_WORDS).join('|')})[\\s-]+century${R}`, 'giu');
const P_RANGE = rx(
  `(?<![\\p{L}\\p{N}.,/–—-])(?:([Ff]rom|[Bb]etween)\\s+)?(\\d{4})(?:\\s*[–—-]\\s*|\\s+(to|until|till|through|and)\\s+)(\\d{4}|\\d{2})(?![\\p{L}\\p{N}/–—-]|[.,]\\d)`,
);
const YEAR_CUE =
  'in|since|by|until|till|of|from|to|after|before|during|as|around|circa|c\\.|ca\\.|through|throughout|year';
const P_CUE_YEAR = rx(`${L}(${YEAR_CUE})\\s+(?:the\\s+year\\s+)?${Y4}`, 'giu');
const P_LIST_NEXT = rx(`(?:,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)${Y4}`, 'yu');
const P_MOD_YEAR = rx(
  `${L}(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[\\p{L}.]+['’]s?)\\s+${Y4}(?=\\s+(\\p{Ll}+))`,
);
const P_PAREN_YEAR = rx(`\\((?:in\\s+|c\\.\\s*)?${Y4}\\)`);
const P_AGO = rx(`${L}${HEDGE}${NUM}\\s+${UNIT}\\s+ago${R}`, 'giu');
const P_AFTER = rx(`${L}${HEDGE}${NUM}\\s+${UNIT}\\s+(later|afterwards|on|earlier|previously|after|before)${R}`, 'giu');
const P_WINDOW = rx(
  `${L}the\\s+(past|last|previous|next|coming|following|preceding)\\s+(?:${NUM}\\s+)?${UNIT}${R}`,
  'giu',
);
const P_DEICTIC = rx(`${L}(last|this|next)\\s+(year|month|week)${R}|${L}(yesterday|tomorrow)${R}`, 'giu');
const P_ANAPHOR = rx(`${L}(?:that|the\\s+same)\\s+(year|month|day)${R}`, 'giu');

/** Finds every candidate; overlaps are settled afterwards. */
function candidates(text: string): Cand[] {
  const out: Cand[] = [];
  const at = (m: RegExpExecArray, weight: number, resolve: Cand['resolve'], skip = 0): Cand => ({
    start: m.index + skip,
    end: m.index + m[0].length,
    weight,
    resolve,
  });

  scan(text, P_DMY, (m) => at(m, 10, () => explicitDate({ y: Number(m[3]), m: monthOf(m[2]!), d: Number(m[1]) })), out);
  scan(text, P_MDY, (m) => at(m, 10, () => explicitDate({ y: Number(m[3]), m: monthOf(m[1]!), d: Number(m[2]) })), out);
  scan(text, P_ISO, (m) => at(m, 10, () => explicitDate({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) })), out);
  const yearless = (m: RegExpExecArray, month: number, day: number): Cand =>
    at(m, 8, (r) => {
      if (day < 1 || day > 31 || month < 1)
        return { date: null, precision: 'day', explicit: false, note: 'not a calendar date' };
      if (!r.published) return { date: null, precision: 'day', explicit: false, note: NO_PUBLISHED };
      // The latest such day at or before publication (29 February: the latest leap year's).
      for (let y = r.published.y; y >= r.published.y - 8; y--) {
        const p = { y, m: month, d: day };
        if (isValid(p) && compare(p, r.published) <= 0)
          return {
            date: p,
            precision: 'day',
            explicit: false,
            resolvedFrom: 'published',
            inferred: r.publishedInferred,
          };
      }
      return { date: null, precision: 'day', explicit: false, note: 'not a calendar date' };
    });
  scan(text, P_MD, (m) => yearless(m, monthOf(m[1]!), Number(m[2])), out);
  scan(text, P_DM, (m) => yearless(m, monthOf(m[2]!), Number(m[1])), out);
  scan(
    text,
    P_MY,
    (m) => at(m, 9, () => explicitDate({ y: Number(m[3]), m: monthOf(m[2]!) }, m[1] ? 'approximate' : 'month')),
    out,
  );
  scan(text, P_SEASON_Y, (m) => at(m, 9, () => explicitDate({ y: Number(m[1]) }, 'approximate')), out);
  scan(text, P_PART_Y, (m) => at(m, 7, () => explicitDate({ y: Number(m[2]) }, 'approximate')), out);
  scan(
    text,
    P_SEASON_REL,
    (m) =>
      at(m, 7, (r) => {
        const rel = m[1]!.toLowerCase();
        const res = fromPublished(r, rel === 'last' ? -1 : rel === 'next' ? 1 : 0, 'year', true);
        return res;
      }),
    out,
  );
  scan(
    text,
    P_MONTH,
    (m) => {
      const cue = m[1]!.toLowerCase().replace(/-$/u, '');
      const month = monthOf(m[2]!);
      // "by May", "of May": "May" is also a name (a statement by May, the government of May).
      if (month === 5 && (cue === 'of' || cue === 'by')) return null;
      const keepCue = [
        'last',
        'next',
        'this',
        'since',
        'until',
        'till',
        'from',
        'after',
        'before',
        'by',
        'early',
        'late',
        'mid',
      ].includes(cue);
      const skip = keepCue ? 0 : m[0].indexOf(m[2]!);
      const approximate = cue === 'early' || cue === 'late' || cue === 'mid';
      return at(
        m,
        6,
        (r) => {
          const precision = approximate ? 'approximate' : 'month';
          if (!r.published) return { date: null, precision, explicit: false, note: NO_PUBLISHED };
          const pub = r.published;
          let y: number;
          if (cue === 'next') y = month > pub.m! ? pub.y : pub.y + 1;
          else if (cue === 'last') y = month < pub.m! ? pub.y : pub.y - 1;
          else y = month <= pub.m! ? pub.y : pub.y - 1;
          return {
            date: { y, m: month },
            precision,
            explicit: false,
            resolvedFrom: 'published',
            inferred: r.publishedInferred,
          };
        },
        skip,
      );
    },
    out,
  );
  scan(
    text,
    P_WEEKDAY,
    (m) => {
      const cue = m[1]!.toLowerCase();
      const wd = WEEKDAYS.indexOf(m[2]!);
      return at(
        m,
        6,
        (r) => {
          if (!r.published || r.published.d === undefined)
            return { date: null, precision: 'day', explicit: false, note: NO_PUBLISHED };
          const pubWd = weekday(r.published as Required<PartialDate>);
          let delta = -((pubWd - wd + 7) % 7);
          if (cue === 'last' && delta === 0) delta = -7;
          if (cue === 'next' || cue === 'this') delta = (wd - pubWd + 7) % 7 || (cue === 'next' ? 7 : 0);
          return { ...fromPublished(r, delta, 'day', false), precision: 'day' };
        },
        cue === 'on' ? m[0].indexOf(m[2]!) : 0,
      );
    },
    out,
  );
  scan(
    text,
    P_DECADE,
    (m) => {
      const y = Number(m[2]);
      // "the 1800s": a century; "the 2000s" is read as the decade.
      const century = y % 100 === 0 && y !== 2000;
      return at(m, 8, () => {
        const span = century ? 99 : 9;
        return isValid({ y })
          ? { date: { y }, end: { y: y + span }, precision: century ? 'century' : 'decade', explicit: true }
          : null;
      });
    },
    out,
  );
  scan(
    text,
    P_DECADE_SHORT,
    (m) =>
      at(m, 7, (r) => {
        const d = Number(m[2]) * 10;
        if (!r.published) return { date: null, precision: 'decade', explicit: false, note: NO_PUBLISHED };
        // The latest such decade that started by the publication year: '90s in 2025 is the 1990s.
        let y = Math.floor(r.published.y / 100) * 100 + d;
        if (y > r.published.y) y -= 100;
        return {
          date: { y },
          end: { y: y + 9 },
          precision: 'decade',
          explicit: false,
          resolvedFrom: 'published',
          inferred: r.publishedInferred,
        };
      }),
    out,
  );
  const century = (m: RegExpExecArray, n: number) =>
    at(m, 8, () =>
      n >= 1 && n <= 100
        ? { date: { y: (n - 1) * 100 }, end: { y: (n - 1) * 100 + 99 }, precision: 'century', explicit: true }
        : null,
    );
  scan(text, P_CENTURY, (m) => century(m, Number(m[1])), out);
  scan(text, P_CENTURY_W, (m) => century(m, ORDINAL_WORDS[m[1]!.toLowerCase().replace(/\s+/gu, ' ')] ?? 0), out);
  scan(
    text,
    P_RANGE,
    (m) => {
      const from = Number(m[2]);
      const joiner = m[3]?.toLowerCase();
      if (joiner === 'and' && m[1]?.toLowerCase() !== 'between') return null;
      let to = Number(m[4]);
      if (m[4]!.length === 2) to = Math.floor(from / 100) * 100 + to;
      if (!isYear(from) || !isYear(to) || to <= from || to - from > 300) return null;
      return at(m, 9, () => ({ date: { y: from }, end: { y: to }, precision: 'year', explicit: true, bound: null }));
    },
    out,
  );
  scan(
    text,
    P_CUE_YEAR,
    (m) => {
      const found: Cand[] = [];
      const first = Number(m[2]);
      if (!isYear(first) || countNounAfter(text, m.index + m[0].length)) return null;
      const cue = m[1]!.toLowerCase();
      // "around 2019", "c. 2019": a hedged year is approximate, and the hedge is part of the words.
      const hedged = ['around', 'circa', 'c.', 'ca.'].includes(cue);
      const keep = hedged || ['since', 'from', 'after', 'until', 'till', 'by', 'before'].includes(cue);
      const skip = keep ? 0 : m[0].length - 4;
      found.push({ ...at(m, 5, () => explicitDate({ y: first }, hedged ? 'approximate' : 'year'), skip), core: m.index + m[0].length - 4 });
      // A list after one cue: "of 2014 and 2015".
      let pos = m.index + m[0].length;
      for (let i = 0; i < MAX_LIST; i++) {
        P_LIST_NEXT.lastIndex = pos;
        const n = P_LIST_NEXT.exec(text);
        if (!n || !isYear(Number(n[1])) || countNounAfter(text, n.index + n[0].length)) break;
        const y = Number(n[1]);
        const s = n.index + n[0].length - 4;
        found.push({ start: s, end: s + 4, weight: 5, resolve: () => ({ ...explicitDate({ y }), bound: null }) });
        pos = n.index + n[0].length;
      }
      return found;
    },
    out,
  );
  scan(
    text,
    P_MOD_YEAR,
    (m) => {
      const y = Number(m[1]);
      if (!isYear(y) || COUNT_NOUNS.has(m[2]!)) return null;
      // The words are the year alone: the determiner and the noun are the event's.
      // No bound either: in "before the 2023 counteroffensive" the cue bounds the event, not the year.
      return at(m, 4, () => ({ ...explicitDate({ y }), bound: null }), m[0].length - 4);
    },
    out,
  );
  scan(
    text,
    P_PAREN_YEAR,
    (m) => (isYear(Number(m[1])) ? at(m, 5, () => explicitDate({ y: Number(m[1]) }, /^\(c\./u.test(m[0]) ? 'approximate' : 'year')) : null),
    out,
  );

  scan(
    text,
    P_AGO,
    (m) => {
      const n = numberOf(m[2]!);
      const { unit, times } = unitOf(m[3]!);
      return n > 0 ? at(m, 8, (r) => fromPublished(r, -n * times, unit, Boolean(m[1]))) : null;
    },
    out,
  );
  scan(
    text,
    P_AFTER,
    (m) => {
      const n = numberOf(m[2]!);
      const { unit, times } = unitOf(m[3]!);
      const word = m[4]!.toLowerCase();
      const after = m.index + m[0].length;
      // "three years on the front" is not a date; "three years on, …" and "three years on from …" are.
      if (word === 'on' && /^\s+(?!from\b)\p{Ll}/u.test(text.slice(after, after + 8))) return null;
      const sign = word === 'earlier' || word === 'previously' || word === 'before' ? -1 : 1;
      const hedged = Boolean(m[1]);
      if (n <= 0) return null;
      return at(m, 7, (r) => {
        if ((word === 'after' || word === 'before') && r.next)
          return fromDate(
            { date: r.next, approximate: false, inferred: false },
            sign * n * times,
            unit,
            hedged,
            'passage',
          );
        if ((word === 'after' || word === 'before') && /^\s+\p{L}/u.test(text.slice(after, after + 4))) {
          return {
            date: null,
            precision: hedged ? 'approximate' : precisionOfUnit(unit),
            explicit: false,
            note: 'counted from an event, not a date',
          };
        }
        if (r.passage) return fromDate(r.passage, sign * n * times, unit, hedged, 'passage');
        // "Three years on, he controls …": the time of writing.
        if (word === 'on') return fromPublished(r, 0, unit, hedged);
        return {
          date: null,
          precision: hedged ? 'approximate' : precisionOfUnit(unit),
          explicit: false,
          note: NO_PASSAGE,
        };
      });
    },
    out,
  );
  scan(
    text,
    P_WINDOW,
    (m) => {
      const dir = m[1]!.toLowerCase();
      const plural = /s$/u.test(m[3]!) && !/^century$/iu.test(m[3]!);
      if (plural && m[2] === undefined) return null; // "the past years": no count.
      const n = m[2] === undefined ? 1 : numberOf(m[2]);
      const { unit, times } = unitOf(m[3]!);
      if (n <= 0) return null;
      const k = n * times;
      return at(m, 9, (r) => {
        if (dir === 'following' || dir === 'preceding') {
          if (!r.passage) return { date: null, precision: precisionOfUnit(unit), explicit: false, note: NO_PASSAGE };
          return fromDate(r.passage, (dir === 'following' ? 1 : -1) * k, unit, false, 'passage');
        }
        // "the previous year" after a date in the paragraph: the year before it; without one, like "the past year".
        if (dir === 'previous' && r.passage) return fromDate(r.passage, -k, unit, false, 'passage');
        const back = dir === 'past' || dir === 'last' || dir === 'previous';
        const a = fromPublished(r, back ? -k : 0, unit, false);
        const b = fromPublished(r, back ? 0 : k, unit, false);
        if (a.date === null || b.date === null) return a.date === null ? a : b;
        return { ...a, end: b.date };
      });
    },
    out,
  );
  scan(
    text,
    P_DEICTIC,
    (m) => {
      if (m[3]) {
        const n = m[3].toLowerCase() === 'yesterday' ? -1 : 1;
        return at(m, 6, (r) => fromPublished(r, n, 'day', false));
      }
      const rel = m[1]!.toLowerCase();
      const unit = m[2]!.toLowerCase() as Unit;
      const n = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      // A week is not a calendar unit of ours: "this week" is the publication day, approximately.
      return at(m, 6, (r) => fromPublished(r, n, unit, unit === 'week'));
    },
    out,
  );
  scan(
    text,
    P_ANAPHOR,
    (m) => {
      const unit = m[1]!.toLowerCase() as 'year' | 'month' | 'day';
      return at(m, 6, (r) => {
        if (!r.passage) return { date: null, precision: unit, explicit: false, note: NO_PASSAGE };
        const g = grain(r.passage.date);
        const order = ['year', 'month', 'day'];
        if (order.indexOf(g) < order.indexOf(unit))
          return { date: null, precision: unit, explicit: false, note: `the date before it has no ${unit}` };
        return {
          date: truncate(r.passage.date, unit),
          precision: r.passage.approximate ? 'approximate' : unit,
          explicit: false,
          resolvedFrom: 'passage',
          inferred: r.passage.inferred,
        };
      });
    },
    out,
  );
  return out;
}

/** True when the word after `pos` is a count noun ("2000 troops"). */
function countNounAfter(text: string, pos: number): boolean {
  const w = /^\s+(\p{L}+)/u.exec(text.slice(pos, pos + 24));
  return w !== null && COUNT_NOUNS.has(w[1]!.toLowerCase());
}

/** Keeps, left to right, the longest (then heaviest) candidate at each place; candidates it overlaps are dropped. */
function settle(cands: Cand[]): Cand[] {
  cands.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || b.weight - a.weight);
  const kept: Cand[] = [];
  for (const c of cands) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end && c.core !== undefined && c.core >= last.end) {
      kept.push({ ...c, start: c.core });
      continue;
    }
    if (last && c.start < last.end) {
      // A later-starting candidate that reaches further and weighs more replaces a shorter one it overlaps ("in 2014–2022" vs "in 2014").
      if (c.end > last.end && c.weight > last.weight) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  return kept;
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
