/**
 * content/timeline.yaml: curated events of the timeline (README "Timeline").
 * Each event has a title and cites one or more source paragraphs with words
 * checked exactly as a thesis citation is (src/checks/verify-citation.ts: whole
 * words, `by`, derivatives), and each citation's date must be one the cited
 * words carry, as the dates stage reads them (src/pipeline/dates.ts):
 *
 * ```yaml
 * - title: Putin comes to power
 *   date: 2000                      # the event's date (default of its citations'); YYYY, YYYY-MM or YYYY-MM-DD
 *   cites:
 *     - { source: kottasova-cnn-2025, quote: "from 2000, when Putin became president" }
 *     - { source: israel-2025, quote: "after the resignation of Boris Yeltsin on December 31, 1999", date: 1999-12-31 }
 * ```
 *
 * A citation's own `date` says that its source dates the event differently;
 * the timeline shows both dates side by side. A date may be less precise than
 * the words ("2022" for "February 2022"), never more, and must lie within a
 * range or period they give. Every problem is reported as
 * `file:line:column  <label>  rule-id: message`, like the thesis rules.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { extractDates, type DateMention } from '../pipeline/dates.ts';
import type { Source } from '../pipeline/load-sources.ts';
import { clipLine as clip, closestName } from '../pipeline/normalise-text.ts';
import { agrees, dateLabel, type CuratedEvent } from '../models/timeline.ts';
import { isCitationFailure, type CitationAsked, type CitationFailure, type VerifiedCitation } from './verify-citation.ts';

/** Rule ids of content/timeline.yaml (citation rules reported as for theses). */
export const TIMELINE_RULES = ['timeline-field', 'timeline-date-format', 'timeline-date-missing', 'timeline-date-mismatch', 'timeline-duplicate'] as const;
export type TimelineRule = (typeof TIMELINE_RULES)[number];

const EVENT_FIELDS = ['title', 'date', 'cites'];
const CITE_FIELDS = ['source', 'quote', 'para', 'by', 'derivative', 'date'];

/** A real calendar date (or month, or year) written YYYY, YYYY-MM or YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (/^\d{4}$/.test(s)) return true;
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

export interface TimelineCheckContext {
  sources: readonly Source[];
  verify: (asked: CitationAsked) => VerifiedCitation | CitationFailure;
}

export interface TimelineCheck {
  events: CuratedEvent[];
  /** `file:line:column  label  rule: message`, in file order. */
  problems: string[];
}

export function checkTimeline(text: string, file: string, ctx: TimelineCheckContext): TimelineCheck {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const problems: { at: number; line: string }[] = [];
  const where = (node: unknown): { line: number; col: number; at: number } => {
    const at = isNode(node) && node.range ? node.range[0] : 0;
    const pos = lines.linePos(at);
    return { line: pos.line, col: pos.col, at };
  };
  const report = (node: unknown, label: string, rule: string, message: string) => {
    const w = where(node);
    problems.push({ at: w.at, line: `${file}:${w.line}:${w.col}  ${label}  ${rule}: ${message}` });
  };
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ at: e.pos[0], line: `${file}:${e.linePos?.[0].line ?? '?'}:${e.linePos?.[0].col ?? '?'}  (YAML)  timeline-field: not valid YAML: ${e.message.split('\n')[0]}` });
    return { events: [], problems: problems.map((p) => p.line) };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { events: [], problems: [] };
  if (!isSeq(root)) {
    report(root, '(file)', 'timeline-field', 'must be a list of events ({title, date, cites})');
    return { events: [], problems: problems.map((p) => p.line) };
  }
  const mentionsOf = new Map<string, DateMention[][]>();
  const mentionsIn = (source: Source, anchor: string): DateMention[] => {
    let all = mentionsOf.get(source.entry.id);
    if (!all) mentionsOf.set(source.entry.id, (all = extractDates(source.paragraphs, { published: source.entry.published, publishedInferred: source.entry.dateInferred })));
    return all[source.paragraphs.findIndex((p) => p.anchor === anchor)] ?? [];
  };
  const seen = new Map<string, string>();
  const events: CuratedEvent[] = [];
  root.items.forEach((item, i) => {
    const label = `event ${i + 1}`;
    if (!isMap(item)) return report(item, label, 'timeline-field', 'each event is a mapping: {title, date, cites}');
    const get = (key: string) => item.get(key, true) as YamlNode | undefined;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!EVENT_FIELDS.includes(key)) {
        const near = closestName(key, EVENT_FIELDS);
        report(pair.key, label, 'timeline-field', `unknown field "${key}"${near ? `; did you mean "${near}"?` : ''} (an event takes ${EVENT_FIELDS.join(', ')})`);
      }
    }
    const titleNode = get('title');
    const title = isScalar(titleNode) && typeof titleNode.value === 'string' ? titleNode.value.trim() : '';
    const named = title ? `event ${i + 1} ("${clip(title, 40)}")` : label;
    if (!title || /[\r\n]/.test(title) || title.length > 120) report(titleNode ?? item, named, 'timeline-field', 'title must be one line of 1–120 characters: what happened, as a reader will see it');
    const dateOf = (node: YamlNode | undefined, at: string): string | undefined => {
      if (node === undefined) return undefined;
      const value = isScalar(node) ? String(node.value) : '';
      if (!isIsoDate(value)) {
        report(node, at, 'timeline-date-format', `date must be a real date written YYYY, YYYY-MM or YYYY-MM-DD (quote it: "2014-03"), not "${clip(value, 20)}"`);
        return undefined;
      }
      return value;
    };
    const eventDate = dateOf(get('date'), named);
    const citesNode = get('cites');
    if (!isSeq(citesNode) || citesNode.items.length === 0) return report(citesNode ?? item, named, 'timeline-field', 'cites must be a list of at least one citation ({source, quote, para?, by?, derivative?, date?})');
    const cites: CuratedEvent['cites'] = [];
    citesNode.items.forEach((c, j) => {
      const clabel = `${named}, cites[${j}]`;
      if (!isMap(c)) return report(c, clabel, 'timeline-field', 'a citation is a mapping: {source, quote, para?, by?, derivative?, date?}');
      const values: Record<string, string> = {};
      let ok = true;
      for (const pair of c.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!CITE_FIELDS.includes(key)) {
          const near = closestName(key, CITE_FIELDS);
          report(pair.key, clabel, 'timeline-field', `unknown field "${key}"${near ? `; did you mean "${near}"?` : ''} (a citation takes ${CITE_FIELDS.join(', ')})`);
          ok = false;
          continue;
        }
        if (key === 'date') continue;
        const v = isScalar(pair.value) ? pair.value.value : undefined;
        if (typeof v !== 'string' || v.trim() === '') {
          report(pair.value ?? pair.key, clabel, 'timeline-field', `${key} must be a non-empty string`);
          ok = false;
          continue;
        }
        values[key] = v;
      }
      for (const req of ['source', 'quote']) if (values[req] === undefined && ok && !c.has(req)) {
        report(c, clabel, 'timeline-field', `a citation needs ${req}: "…"`);
        ok = false;
      }
      const own = dateOf(c.get('date', true) as YamlNode | undefined, clabel);
      if (c.has('date') && own === undefined) ok = false;
      const date = own ?? eventDate;
      if (date === undefined && ok && !c.has('date') && !item.has('date')) {
        report(c, clabel, 'timeline-field', 'no date: give the event a date (or this citation its own)');
        ok = false;
      }
      if (!ok || date === undefined) return;
      const quoteLabel = `${clabel} <Cite source="${clip(values.source!, 30)}" quote="${clip(values.quote!)}">`;
      const result = ctx.verify({ request: { kind: 'cite', source: values.source!, quote: values.quote!, para: values.para }, by: values.by, derivative: values.derivative });
      if (isCitationFailure(result)) return report(c, quoteLabel, result.rule, result.message);
      const source = ctx.sources.find((s) => s.entry.id === result.source)!;
      const inWords = mentionsIn(source, result.anchor).filter((m) => m.offset >= result.start && m.offset + m.words.length <= result.end);
      const read = (m: DateMention) => `"${m.words}" → ${m.date === null ? `no date (${m.note ?? 'unresolved'})` : `${m.date}${m.end ? `–${m.end}` : ''} (${m.precision})`}`;
      if (inWords.length === 0) {
        const para = mentionsIn(source, result.anchor);
        return report(
          c,
          quoteLabel,
          'timeline-date-missing',
          `the cited words carry no date the build can read (${result.source} ¶${result.n}); quote the words that date the event${para.length ? `: this paragraph has ${para.map(read).join(', ')}` : ', or cite another paragraph: this one has no dated words'}`,
        );
      }
      const match = inWords.find((m) => agrees(date, m));
      if (!match) {
        const hint = inWords.find((m) => m.date !== null);
        return report(
          own ? c.get('date', true) : (get('date') ?? c),
          quoteLabel,
          'timeline-date-mismatch',
          `the event is dated ${date}, but the cited words date it ${inWords.map(read).join(', ')}${hint ? `; write date: "${hint.precision === 'decade' || hint.precision === 'century' ? hint.date : hint.date!.slice(0, Math.min(date.length, hint.date!.length))}"${date.length > hint.date!.length ? ' (a date may be less precise than its words, never more)' : ''}, or cite the words that give ${date}` : ''}`,
        );
      }
      const key = `${result.source} ${result.anchor} ${match.offset}`;
      const before = seen.get(key);
      if (before) return report(c, quoteLabel, 'timeline-duplicate', `these words (${dateLabel({ date: match.date!, end: match.end, precision: match.precision })}) are already cited by ${before}: a dated mention belongs to one event`);
      seen.set(key, named);
      cites.push({ source: result.source, anchor: result.anchor, offset: match.offset, date });
    });
    if (cites.length && title) events.push({ title, date: eventDate ?? cites[0]!.date, cites });
  });
  problems.sort((a, b) => a.at - b.at);
  return { events, problems: problems.map((p) => p.line) };
}
