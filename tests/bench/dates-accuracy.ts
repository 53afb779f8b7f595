/**
 * Measures the dates stage against the hand annotation of the five seeds
 * (tests/fixtures/dates/seeds-annotation.yaml, written before the stage).
 *
 *   npm run dates:accuracy             prints the figures
 *   npm run dates:accuracy -- --json   prints them as JSON
 *   npm run dates:accuracy -- --misses also lists every miss and false hit
 *
 * A found mention matches an annotated one when it is in the same paragraph,
 * its words overlap the annotated words, and it has the same `date` (null
 * included) and `precision`; each annotated mention matches at most one found
 * mention. Precision = matched / found (article paragraphs of the five seeds);
 * recall = matched / annotated. Of the matches, the script also counts
 * agreement on `end`, `explicit`, `resolvedFrom`, `inferred`, `bound` and
 * `speaker` (a listed speaker; compared by last name, case-insensitively).
 * Unlike precision and recall, these are not thresholds in a test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { extractDates, type DateMention } from '../../src/pipeline/dates.ts';
import { FIXTURES, SEEDS } from '../support/paths.ts';

interface GoldMention {
  words: string;
  date: string | null;
  end?: string;
  precision: string;
  explicit: boolean;
  bound?: 'start' | 'end';
  speaker?: string | string[];
  resolvedFrom?: 'published' | 'passage';
  inferred?: boolean;
  note?: string;
}
export type DatesAnnotation = Record<string, { para: string; dates: GoldMention[] }[]>;

export const DATES_ANNOTATION = join(FIXTURES, 'dates', 'seeds-annotation.yaml');

export interface DatesAccuracy {
  gold: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  /** Agreement on the other fields, over matched mentions. */
  fields: Record<
    'end' | 'explicit' | 'resolvedFrom' | 'inferred' | 'bound' | 'speaker',
    { agree: number; total: number }
  >;
  badKeys: string[];
  misses: string[];
}

const loose = (s: string) =>
  s
    .replace(/[“”"‘’']/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
const lastName = (s: string) => loose(s).toLowerCase().split(' ').pop() ?? '';

export function measureDates(
  annotation: DatesAnnotation = parse(readFileSync(DATES_ANNOTATION, 'utf8')) as DatesAnnotation,
  seeds = SEEDS,
): DatesAccuracy {
  const fields: DatesAccuracy['fields'] = {
    end: { agree: 0, total: 0 },
    explicit: { agree: 0, total: 0 },
    resolvedFrom: { agree: 0, total: 0 },
    inferred: { agree: 0, total: 0 },
    bound: { agree: 0, total: 0 },
    speaker: { agree: 0, total: 0 },
  };
  const badKeys: string[] = [];
  const misses: string[] = [];
  let gold = 0;
  let found = 0;
  let matched = 0;
  for (const source of loadSources(seeds)) {
    const id = source.entry.id;
    // Only annotated sources are scored: a source added to seeds/ later has no annotation to be wrong against.
    if (!(id in annotation)) continue;
    const mentions = extractDates(source.paragraphs, {
      published: source.entry.published,
      publishedInferred: source.entry.dateInferred,
    });
    const goldByPara = new Map<number, GoldMention[]>();
    for (const g of annotation[id] ?? []) {
      const hits = source.paragraphs.flatMap((p, i) =>
        p.kind === 'article' && loose(p.text).startsWith(loose(g.para)) ? [i] : [],
      );
      if (hits.length !== 1) {
        badKeys.push(`${id}: "${g.para}" matches ${hits.length} paragraphs`);
        continue;
      }
      goldByPara.set(hits[0]!, g.dates);
    }
    source.paragraphs.forEach((p, i) => {
      if (p.kind !== 'article') return;
      const got = mentions[i] ?? [];
      const want = goldByPara.get(i) ?? [];
      found += got.length;
      gold += want.length;
      const used = new Set<DateMention>();
      for (const w of want) {
        const at = p.text.indexOf(w.words);
        if (at < 0) badKeys.push(`${id} ¶${p.n}: words "${w.words}" not in the paragraph`);
        const m = got.find(
          (x) =>
            !used.has(x) &&
            x.offset < at + w.words.length &&
            x.offset + x.words.length > at &&
            x.date === w.date &&
            x.precision === w.precision,
        );
        if (!m) {
          const near = got.find((x) => x.offset < at + w.words.length && x.offset + x.words.length > at);
          misses.push(
            `miss  ${id} ¶${p.n} "${w.words}" ${w.date} ${w.precision}${near ? ` (found "${near.words}" ${near.date} ${near.precision})` : ''}`,
          );
          continue;
        }
        used.add(m);
        matched++;
        const agree = (k: keyof DatesAccuracy['fields'], ok: boolean, detail: string) => {
          fields[k].total++;
          if (ok) fields[k].agree++;
          else misses.push(`field ${id} ¶${p.n} "${w.words}" ${k}: ${detail}`);
        };
        agree('end', (w.end ?? null) === (m.end ?? null), `${w.end} ≠ ${m.end}`);
        agree('explicit', w.explicit === m.explicit, `${w.explicit} ≠ ${m.explicit}`);
        agree(
          'resolvedFrom',
          (w.resolvedFrom ?? null) === (m.resolvedFrom ?? null),
          `${w.resolvedFrom} ≠ ${m.resolvedFrom}`,
        );
        agree('inferred', Boolean(w.inferred) === Boolean(m.inferred), `${w.inferred} ≠ ${m.inferred}`);
        agree('bound', (w.bound ?? null) === (m.bound ?? null), `${w.bound} ≠ ${m.bound}`);
        const names = w.speaker === undefined ? [] : Array.isArray(w.speaker) ? w.speaker : [w.speaker];
        agree(
          'speaker',
          names.length === 0
            ? m.speaker === undefined
            : m.speaker !== undefined && names.some((n) => lastName(n) === lastName(m.speaker!)),
          `${names.join('|') || '(none)'} ≠ ${m.speaker ?? '(none)'}`,
        );
      }
      for (const x of got) if (!used.has(x)) misses.push(`false ${id} ¶${p.n} "${x.words}" ${x.date} ${x.precision}`);
    });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    gold,
    found,
    matched,
    precision: ratio(matched, found),
    recall: ratio(matched, gold),
    fields,
    badKeys,
    misses,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = measureDates();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 1));
  } else {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    console.log(`dates on the five seeds: ${r.gold} annotated, ${r.found} found, ${r.matched} matched`);
    console.log(`precision ${pct(r.precision)}  recall ${pct(r.recall)}`);
    for (const [k, v] of Object.entries(r.fields)) console.log(`  ${k.padEnd(12)} ${v.agree}/${v.total} agree`);
    if (r.badKeys.length) console.log(`bad annotation keys:\n  ${r.badKeys.join('\n  ')}`);
    if (process.argv.includes('--misses') && r.misses.length) console.log(r.misses.join('\n'));
  }
}
