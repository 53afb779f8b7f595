/**
 * The timeline (`/timeline/`, README "Timeline"): every dated mention of the
 * sources (the dates stage, as /data/events.json lists them) in date order,
 * grouped into entries where several sources date the same event, with the
 * sources' own publication dates on the same line. Pure: the page gathers the
 * inputs (src/site/timeline-site.ts).
 *
 * - An entry opens with the curated events of content/timeline.yaml (checked
 *   by src/checks/timeline-check.ts): each titles the mentions its citations
 *   point at, and may bring together mentions dated differently (the entry
 *   then shows each date beside its sources).
 * - Any other mention joins an entry holding a mention of the same date at the
 *   same precision (and the same end) whose event shares at least two content
 *   words with it (stems, stop words and month names aside); else it starts
 *   an entry of its own.
 * - A mention in a derivative (manifest `derivedFrom`) whose paragraph comes
 *   from an original paragraph that dates the same thing (same date, or one the
 *   more precise form of the other) is folded under that mention's entry as
 *   "also in", never counted as a second source; one with no such counterpart
 *   stands as its own, labelled with the derivation.
 * - Mentions the dates stage could not date (`date: null`) are listed apart,
 *   with the stage's note, unless folded as above.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import type { EventRecord } from './data-export.ts';
import { formatDate } from '../lib/format.ts';

export { thesisTimeline, entryLabel, type ProseDate, entryForProseDate } from './timeline/queries.ts';

/** One dated mention as the timeline shows it. */
export interface TimelineMention extends EventRecord {
  /** ¶ number of the paragraph. */
  n: number;
  /** The source's short label ("Trenin"). */
  label: string;
  /** Where `event` starts in the paragraph text (UTF-16). */
  eventStart: number;
  /** Set when the source is a derivative: rewrite, republication … */
  derivation?: string;
}

/** A date as one or more sources give it. */
export interface TimelineDate {
  date: string;
  end?: string | undefined;
  precision: EventRecord['precision'];
  /** "February 2022", "the 1990s", "c. 2019", "2023–2025". */
  label: string;
  /** Source labels that give this date. */
  by: string[];
}

export interface TimelineEntry {
  id: string;
  kind: 'event' | 'published';
  /** Sort key: the entry's date (ISO, YYYY[-MM[-DD]]). */
  date: string;
  /** One per distinct date the sources give (several when they disagree), the entry's own first. */
  dates: TimelineDate[];
  /** A curated title (content/timeline.yaml), or for a publication "Trenin's text published". */
  title?: string | undefined;
  /** The mentions, in source then text order. */
  mentions: TimelineMention[];
  /** Derivative mentions folded under the original ones. */
  folded: TimelineMention[];
  /** Source ids with a mention here (folded derivatives included), for the source filter. */
  sources: string[];
  /** Distinct sources, derivatives counted with their originals. */
  sourceCount: number;
  /** Thesis slugs that cite a paragraph of one of its mentions, for the thesis filter and the short timelines. */
  theses: string[];
  /** For a publication: the source. */
  source?: string | undefined;
}

export interface TimelineSource {
  id: string;
  label: string;
  title: string;
  author?: string | undefined;
  outlet?: string | undefined;
  published?: string | undefined;
  dateKind?: 'published' | 'updated' | undefined;
  dateInferred?: boolean | undefined;
  derivedFrom?: string | undefined;
  derivation?: string | undefined;
  paragraphs: readonly { anchor: string; n?: number | null | undefined; text: string }[];
}

/** A curated event with its citations resolved to mentions (see timeline-check.ts). */
export interface CuratedEvent {
  title: string;
  /** The event's date (its first citation's when not given). */
  date: string;
  /** Each citation: the mention it points at and the date it gives the event. */
  cites: { source: string; anchor: string; offset: number; date: string }[];
}

export interface TimelineInput {
  sources: readonly TimelineSource[];
  events: readonly EventRecord[];
  curated?: readonly CuratedEvent[];
  /** The original paragraph(s) a derivative paragraph comes from (src/pipeline/align-sources.ts `counterpartOf`). */
  counterpart?: (derivative: string, anchor: string) => { original: string; anchors: readonly string[] } | undefined;
  /** Which thesis cites which paragraph. */
  citations?: readonly { thesis: string; source: string; anchor: string }[];
}

export interface Timeline {
  entries: TimelineEntry[];
  /** Mentions with no date (and not folded under a dated one). */
  unplaced: TimelineMention[];
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'year', 'years', 'week', 'month', 'century', 'decade']);
const STOP = new Set(eng);

/** The content words of an event: stems of words of 3+ letters, no stop words, months or date words. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (w.length < 3 || STOP.has(w) || MONTHS.has(w)) continue;
    out.add(stemmer(w));
  }
  return out;
}

const shared = (a: Set<string>, b: Set<string>): number => {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
};

const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2022-02" → "February 2022", "2021-12-28" → "28 December 2021", "2014" → "2014". */
export function formatIso(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso);
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return `${MONTH_NAMES[Number(m[2]) - 1]} ${Number(m[1])}`;
  return String(Number(iso));
}

/** How a mention's date reads on the timeline. */
export function dateLabel(d: { date: string; end?: string | undefined; precision: EventRecord['precision']; bound?: 'start' | 'end' | undefined }): string {
  let label: string;
  if (d.precision === 'century') label = `the ${ordinal(Math.floor(Number(d.date.slice(0, 4)) / 100) + 1)} century`;
  else if (d.precision === 'decade') label = `the ${Number(d.date.slice(0, 4))}s`;
  else if (d.end && d.end !== d.date) label = `${formatIso(d.date)}–${formatIso(d.end)}`;
  else label = `${d.precision === 'approximate' ? 'c. ' : ''}${formatIso(d.date)}`;
  if (d.bound === 'start') return `from ${label}`;
  if (d.bound === 'end') return `until ${label}`;
  return label;
}

/** A short, stable hash (FNV-1a, 32 bits, base 36, 4 characters). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(4, '0').slice(-4);
}

/** Up to two content words of a text, as written, for an id. */
function idWords(text: string): string {
  const words: string[] = [];
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const w = m[0].normalize('NFD').replace(/\p{M}/gu, '');
    if (w.length < 3 || STOP.has(w) || MONTHS.has(w) || !/^[a-z]+$/.test(w)) continue;
    words.push(w);
    if (words.length === 2) break;
  }
  return words.join('-');
}

/** Does date `d` (as a curated citation writes it) agree with a mention? Not more precise than its words, and within them. */
export function agrees(d: string, m: { date: string | null; end?: string | undefined; precision: EventRecord['precision'] }): boolean {
  if (m.date === null) return false;
  if (m.precision === 'decade' || m.precision === 'century') return d === m.date;
  if (d.length > m.date.length) return false;
  const from = m.date.slice(0, d.length);
  const to = (m.end ?? m.date).slice(0, d.length);
  return from <= d && d <= to;
}

/** Two dates the same thing at different precision ("2022" and "2022-02"), or the same. */
const compatible = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

const keyOf = (m: { source: string; anchor: string; offset: number }): string => `${m.source} ${m.anchor} ${m.offset}`;

export function buildTimeline(input: TimelineInput): Timeline {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const order = new Map(input.sources.map((s, i) => [s.id, i]));
  const paragraphOf = (source: string, anchor: string) => sources.get(source)?.paragraphs.find((p) => p.anchor === anchor);
  const mentions: TimelineMention[] = input.events.map((e) => {
    const s = sources.get(e.source);
    const p = paragraphOf(e.source, e.anchor);
    const text = p?.text ?? '';
    // The event is a substring of the paragraph around the mention: the occurrence nearest before it.
    let eventStart = text.lastIndexOf(e.event, e.offset);
    if (eventStart === -1) eventStart = Math.max(0, text.indexOf(e.event));
    const m: TimelineMention = { ...e, n: p?.n ?? 0, label: s?.label ?? e.source, eventStart };
    if (s?.derivedFrom) m.derivation = s.derivation ?? 'derivative';
    return m;
  });
  const byKey = new Map(mentions.map((m) => [keyOf(m), m]));
  const thesesOf = new Map<string, Set<string>>();
  for (const c of input.citations ?? []) {
    const k = `${c.source} ${c.anchor}`;
    thesesOf.set(k, (thesesOf.get(k) ?? new Set()).add(c.thesis));
  }

  interface Group {
    title?: string | undefined;
    date: string;
    members: TimelineMention[];
    /** The date each member gives the event (a curated citation's own date, else the mention's). */
    given: Map<TimelineMention, string>;
    folded: TimelineMention[];
  }
  const groups: Group[] = [];
  const placed = new Set<TimelineMention>();
  for (const c of input.curated ?? []) {
    const g: Group = { title: c.title, date: c.date, members: [], given: new Map(), folded: [] };
    for (const cite of c.cites) {
      const m = byKey.get(keyOf(cite));
      if (!m || placed.has(m)) continue;
      g.members.push(m);
      g.given.set(m, cite.date);
      placed.add(m);
    }
    if (g.members.length) groups.push(g);
  }
  const words = new Map(mentions.map((m) => [m, contentWords(m.event)]));
  const sorted = [...mentions].sort((a, b) => (a.date ?? '~').localeCompare(b.date ?? '~') || (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.offset - b.offset);
  const isDerivative = (m: TimelineMention) => m.derivation !== undefined;
  // Originals first: a derivative looks for its counterpart among them.
  for (const m of sorted) {
    if (placed.has(m) || m.date === null || isDerivative(m)) continue;
    const g = groups.find((g) =>
      g.members.some((x) => !isDerivative(x) && x.date === m.date && x.precision === m.precision && x.end === m.end && shared(words.get(x)!, words.get(m)!) >= 2),
    );
    if (g) {
      g.members.push(m);
      g.given.set(m, m.date);
    } else groups.push({ date: m.date, members: [m], given: new Map([[m, m.date]]), folded: [] });
    placed.add(m);
  }
  const unplaced: TimelineMention[] = [];
  for (const m of sorted) {
    if (placed.has(m) || !isDerivative(m)) continue;
    const cp = input.counterpart?.(m.source, m.anchor);
    const home = cp
      ? groups.find((g) =>
          g.members.some(
            (x) =>
              x.source === cp.original &&
              cp.anchors.includes(x.anchor) &&
              (m.date === null ? x.words.toLowerCase() === m.words.toLowerCase() : x.date !== null && compatible(x.date, m.date)),
          ),
        )
      : undefined;
    if (home) home.folded.push(m);
    else if (m.date !== null) groups.push({ date: m.date, members: [m], given: new Map([[m, m.date]]), folded: [] });
    else unplaced.push(m);
    placed.add(m);
  }
  for (const m of sorted) if (!placed.has(m)) unplaced.push(m);

  const entries: TimelineEntry[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
    usedIds.add(id);
    return id;
  };
  for (const g of groups) {
    g.members.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.offset - b.offset);
    const dates: TimelineDate[] = [];
    for (const m of g.members) {
      const given = g.given.get(m) ?? m.date!;
      // A curated date less precise than the words shows as given; otherwise the mention's own form.
      const d = given === m.date ? { date: m.date, end: m.end, precision: m.precision } : { date: given, end: undefined, precision: given.length === 4 ? ('year' as const) : given.length === 7 ? ('month' as const) : ('day' as const) };
      const label = dateLabel(d);
      const have = dates.find((x) => x.label === label);
      if (have) {
        if (!have.by.includes(m.label)) have.by.push(m.label);
      } else dates.push({ ...d, label, by: [m.label] });
    }
    dates.sort((a, b) => (a.date === g.date ? -1 : b.date === g.date ? 1 : a.date.localeCompare(b.date)));
    const lead = g.members[0]!;
    const all = [...g.members, ...g.folded];
    const theses = new Set<string>();
    for (const m of all) for (const t of thesesOf.get(`${m.source} ${m.anchor}`) ?? []) theses.add(t);
    const distinct = new Set(g.members.map((m) => sources.get(m.source)?.derivedFrom ?? m.source));
    const slug = idWords(g.title ?? lead.event);
    entries.push({
      id: uniqueId(`e-${g.date}${slug ? `-${slug}` : ''}-${hash(g.title ?? `${lead.source} ${lead.anchor} ${lead.words}`)}`),
      kind: 'event',
      date: g.date,
      dates,
      title: g.title,
      mentions: g.members,
      folded: g.folded,
      sources: [...new Set(all.map((m) => m.source))],
      sourceCount: distinct.size,
      theses: [...theses].sort(),
    });
  }
  for (const s of input.sources) {
    if (!s.published) continue;
    const what = s.dateKind === 'updated' ? 'updated' : 'published';
    entries.push({
      id: uniqueId(`pub-${s.id}`),
      kind: 'published',
      date: s.published,
      dates: [{ date: s.published, precision: 'day', label: formatIso(s.published), by: [s.label] }],
      title: `${s.label}${s.outlet && !s.label.includes(s.outlet) ? ` (${s.outlet})` : ''} ${what}${s.dateInferred ? ' (date inferred)' : ''}`,
      mentions: [],
      folded: [],
      sources: [s.id],
      sourceCount: 1,
      theses: [],
      source: s.id,
    });
  }
  // By date; at the same date a period before its parts, publications after the events they report.
  entries.sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'published' ? 1 : -1) || b.sourceCount - a.sourceCount || a.id.localeCompare(b.id));
  return { entries, unplaced };
}