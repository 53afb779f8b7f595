/**
 * The candidate mentions of one text for the dates stage: every pattern of
 * ./patterns.ts scanned once, each match a candidate that knows how to
 * resolve itself; then overlaps settled, longest first.
 */
import { compare, grain, isValid, truncate, weekday, type PartialDate, type Unit } from './calendar.ts';
import {
  MAX_LIST, WEEKDAYS, ORDINAL_WORDS, COUNT_NOUNS, monthOf, numberOf, unitOf, precisionOfUnit, isYear, P_DMY, P_MDY, P_ISO, P_MD, P_DM, P_MY, P_SEASON_Y, P_SEASON_REL, P_PART_Y, P_MONTH, P_WEEKDAY, P_DECADE, P_DECADE_SHORT, P_CENTURY, P_CENTURY_W, P_RANGE, P_CUE_YEAR, P_LIST_NEXT, P_MOD_YEAR, P_PAREN_YEAR, P_AGO, P_AFTER, P_WINDOW, P_DEICTIC, P_ANAPHOR,
} from './patterns.ts';
import { type Cand, NO_PUBLISHED, NO_PASSAGE, explicitDate, fromPublished, fromDate } from './resolve.ts';

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

/** Finds every candidate; overlaps are settled afterwards. */
export function candidates(text: string): Cand[] {
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
export function settle(cands: Cand[]): Cand[] {
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
