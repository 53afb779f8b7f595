/**
 * The words and patterns of the dates stage: month, weekday and number words,
 * the regular-expression pieces and the patterns built from them (each one
 * left-to-right scan with bounded look-around), and small readers of their
 * matches (month, number, unit).
 */
import { type Unit } from './calendar.ts';

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
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

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

export const ORDINAL_WORDS: Record<string, number> = {
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
export const COUNT_NOUNS = new Set(
  (
    'troops soldiers people persons men women children civilians refugees casualties deaths dead killed wounded prisoners ' +
    'km kilometers kilometres miles meters metres feet foot tons tonnes barrels dollars euros rubles roubles pounds yuan ' +
    'tanks drones missiles shells rounds vehicles aircraft planes ships votes voters points times units members cases pages ' +
    'words hours minutes seconds days weeks months years decades centuries villages towns cities homes buildings'
  ).split(' '),
);

export const monthOf = (s: string): number => {
  const clean = s.replace(/\.$/u, '');
  const full = FULL_MONTHS.indexOf(clean);
  return full >= 0 ? full + 1 : (ABBR_MONTHS[clean] ?? 0);
};
export const numberOf = (s: string): number => {
  const t = s.toLowerCase().replace(/\s+/gu, ' ');
  if (/^\d+$/u.test(t)) return Number(t);
  const compound = /^([a-z]+)[- ]([a-z]+)$/u.exec(t);
  if (compound) return (NUM_WORDS[compound[1]!] ?? 0) + (NUM_WORDS[compound[2]!] ?? 0);
  return NUM_WORDS[t] ?? 0;
};
/** A unit word as a count of calendar units. */
export const unitOf = (s: string): { unit: Unit; times: number } => {
  const u = s.toLowerCase();
  if (u.startsWith('decade')) return { unit: 'year', times: 10 };
  if (u.startsWith('centur')) return { unit: 'year', times: 100 };
  return { unit: u.replace(/s$/u, '') as Unit, times: 1 };
};
export const precisionOfUnit = (u: Unit): 'year' | 'month' | 'day' =>
  u === 'year' ? 'year' : u === 'month' ? 'month' : 'day';
export const isYear = (n: number) => n >= 1000 && n <= 2100;

const rx = (src: string, flags = 'gu') => new RegExp(src, flags);

export const P_DMY = rx(`${L}${WD}${DAY}\\s+(?:of\\s+)?(${MON}),?\\s+${Y4}`);
export const P_MDY = rx(`${L}${WD}(${MON})\\s+${DAY},?\\s+${Y4}`);
export const P_ISO = rx(`(?<![\\p{L}\\p{N}/.-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\p{L}\\p{N}/-])`);
export const P_MD = rx(`${L}${WD}(${MON})\\s+${DAY}(?![\\p{L}\\p{N}]|,?\\s+\\d|[.:/-]\\d)`);
export const P_DM = rx(`${L}${WD}${DAY}\\s+(?:of\\s+)?(${MON})(?![\\p{L}]|,?\\s+\\d)`);
export const P_MY = rx(`${L}(?:([Ee]arly|[Ll]ate|[Mm]id)[\\s-]+)?(${MON}),?\\s+${Y4}`);
export const P_SEASON_Y = rx(
  `${L}(?:[Tt]he\\s+)?(?:(?:[Ee]arly|[Ll]ate)\\s+)?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\\s+(?:of\\s+)?${Y4}`,
);
export const P_SEASON_REL = rx(`${L}(last|this|next)\\s+(?:spring|summer|autumn|fall|winter)${R}`, 'giu');
export const P_PART_Y = rx(`${L}([Ee]arly|[Ll]ate|[Mm]id)[\\s-]+${Y4}`);
export const P_MONTH = rx(
  `${L}([Ii]n|[Ll]ast|[Nn]ext|[Tt]his|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Oo]f|[Tt]hrough|[Bb]efore|[Aa]fter)\\s+(?:in\\s+)?(${FULL})${R}(?!,?\\s+\\d)`,
);
export const P_WEEKDAY = rx(
  `${L}([Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Ss]ince|[Uu]ntil|[Bb]y)\\s+(${WEEKDAYS.join('|')})${R}(?!,?\\s+(?:\\d|${FULL}))`,
);
export const P_DECADE = rx(`${L}(?:[Tt]he\\s+)?(?:([Ee]arly|[Ll]ate|[Mm]id)[\\s-]+)?(\\d{3}0)['’]?s${R}`);
export const P_DECADE_SHORT = rx(`(?:[Tt]he\\s+)?(?:([Ee]arly|[Ll]ate|[Mm]id)[\\s-]+)?['’](\\d)0s${R}`);
export const P_CENTURY = rx(`${L}(?:[Tt]he\\s+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]+[Cc]entury${R}`);
export const P_CENTURY_W = rx(`${L}(?:the\\s+)?(${Object.keys(ORDINAL_WORDS).join('|')})[\\s-]+century${R}`, 'giu');
export const P_RANGE = rx(
  `(?<![\\p{L}\\p{N}.,/–—-])(?:([Ff]rom|[Bb]etween)\\s+)?(\\d{4})(?:\\s*[–—-]\\s*|\\s+(to|until|till|through|and)\\s+)(\\d{4}|\\d{2})(?![\\p{L}\\p{N}/–—-]|[.,]\\d)`,
);
const YEAR_CUE =
  'in|since|by|until|till|of|from|to|after|before|during|as|around|circa|c\\.|ca\\.|through|throughout|year';
export const P_CUE_YEAR = rx(`${L}(${YEAR_CUE})\\s+(?:the\\s+year\\s+)?${Y4}`, 'giu');
export const P_LIST_NEXT = rx(`(?:,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)${Y4}`, 'yu');
export const P_MOD_YEAR = rx(
  `${L}(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[\\p{L}.]+['’]s?)\\s+${Y4}(?=\\s+(\\p{Ll}+))`,
);
export const P_PAREN_YEAR = rx(`\\((?:in\\s+|c\\.\\s*)?${Y4}\\)`);
export const P_AGO = rx(`${L}${HEDGE}${NUM}\\s+${UNIT}\\s+ago${R}`, 'giu');
export const P_AFTER = rx(`${L}${HEDGE}${NUM}\\s+${UNIT}\\s+(later|afterwards|on|earlier|previously|after|before)${R}`, 'giu');
export const P_WINDOW = rx(
  `${L}the\\s+(past|last|previous|next|coming|following|preceding)\\s+(?:${NUM}\\s+)?${UNIT}${R}`,
  'giu',
);
export const P_DEICTIC = rx(`${L}(last|this|next)\\s+(year|month|week)${R}|${L}(yesterday|tomorrow)${R}`, 'giu');
export const P_ANAPHOR = rx(`${L}(?:that|the\\s+same)\\s+(year|month|day)${R}`, 'giu');
