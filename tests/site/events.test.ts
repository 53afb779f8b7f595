/** The built /data/events.json, checked against the pipeline's own dates stage. */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, SEEDS } from '../support/paths.ts';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { extractDates } from '../../src/pipeline/dates.ts';
import type { EventRecord } from '../../src/models/data-export.ts';

const records = JSON.parse(readFileSync(join(DIST, 'data', 'events.json'), 'utf8')) as EventRecord[];
const sources = loadSources(SEEDS);
const ISO = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

test('events.json lists every dated mention of every source, in the documented shape', () => {
  const want = sources.flatMap((s) =>
    extractDates(s.paragraphs, { published: s.entry.published, publishedInferred: s.entry.dateInferred }).flatMap(
      (ms, i) => ms.map((m) => ({ source: s.entry.id, anchor: s.paragraphs[i]!.anchor, words: m.words, date: m.date })),
    ),
  );
  expect(records.map((r) => ({ source: r.source, anchor: r.anchor, words: r.words, date: r.date }))).toEqual(
    want.sort((a, b) => a.source.localeCompare(b.source)),
  );
  expect(records.length).toBeGreaterThan(40);
  const required = ['anchor', 'date', 'event', 'explicit', 'offset', 'precision', 'source', 'words'];
  const optional = ['bound', 'end', 'inferred', 'note', 'resolvedFrom', 'speaker'];
  for (const r of records) {
    expect(
      Object.keys(r)
        .filter((k) => !optional.includes(k))
        .sort(),
      JSON.stringify(r),
    ).toEqual(required);
    expect(['day', 'month', 'year', 'approximate', 'decade', 'century']).toContain(r.precision);
    expect(typeof r.explicit).toBe('boolean');
    if (r.date === null) expect(r.note, `${r.source} "${r.words}" says why it is unresolved`).toBeTruthy();
    else expect(r.date).toMatch(ISO);
    if (r.end !== undefined) expect(r.end >= r.date!).toBe(true);
    if (r.resolvedFrom !== undefined) expect(['published', 'passage']).toContain(r.resolvedFrom);
    if (r.bound !== undefined) expect(['start', 'end']).toContain(r.bound);
    if (r.inferred !== undefined) expect(r.inferred).toBe(true);
    if (r.explicit) expect(r.resolvedFrom).toBeUndefined();
  }
});

test('words and event are exactly the paragraph text; only article paragraphs have events', () => {
  for (const r of records) {
    const p = sources.find((s) => s.entry.id === r.source)!.paragraphs.find((p) => p.anchor === r.anchor)!;
    expect(p.kind).toBe('article');
    expect(p.text.slice(r.offset, r.offset + r.words.length), `${r.source} ${r.anchor}`).toBe(r.words);
    expect(p.text).toContain(r.event);
    expect(r.event.split(/\s+/).length).toBeLessThanOrEqual(25);
  }
});

test('relative dates follow the manifest: inferred for Israel, unresolved without a publication date', () => {
  const israel = records.filter((r) => r.source === 'israel-2025' && r.resolvedFrom === 'published');
  expect(israel.length).toBeGreaterThan(0);
  for (const r of israel) expect(r.inferred).toBe(true);
  for (const r of records.filter((r) => r.source === 'kirichenko-2025' && !r.explicit)) {
    if (r.resolvedFrom !== 'passage') expect(r.date).toBeNull();
  }
  expect(records.find((r) => r.source === 'trenin-2021' && r.words === 'Last November')).toMatchObject({
    date: '2021-11',
    resolvedFrom: 'published',
  });
});
