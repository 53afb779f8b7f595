/**
 * Provenance in the built site: the compare view of each derivative, the
 * provenance notes and metadata on source pages, and /data/alignments.json.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, SEEDS } from '../support/paths.ts';
import { page } from '../support/dist.ts';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { alignCorpus } from '../../src/pipeline/align-sources.ts';
import { alignmentRecords, type AlignmentRecord } from '../../src/models/alignment-data.ts';
import type { ParagraphRecord } from '../../src/models/data-export.ts';
import { normaliseForMatch } from '../../src/pipeline/normalise-text.ts';

const sources = loadSources(SEEDS);
const records = JSON.parse(readFileSync(join(DIST, 'data', 'alignments.json'), 'utf8')) as AlignmentRecord[];
const paragraphs = JSON.parse(readFileSync(join(DIST, 'data', 'paragraphs.json'), 'utf8')) as ParagraphRecord[];
const articleOf = (id: string) => paragraphs.filter((p) => p.source === id && p.kind === 'article');
/** Article paragraphs as the source page numbers them: subheadings are neither dropped nor counted. */
const numberedOf = (id: string) => articleOf(id).filter((p) => p.role !== 'heading');
const textOf = (id: string, anchor: string) => paragraphs.find((p) => p.source === id && p.anchor === anchor)!.text;
const derived = sources.filter((s) => s.entry.derivedFrom !== undefined);

describe('/data/alignments.json', () => {
  test('one record per source derived from another source of the corpus, in the documented shape', () => {
    expect(records.map((r) => [r.derivative, r.original])).toEqual(
      derived.map((s) => [s.entry.id, s.entry.derivedFrom]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(Object.keys(r)).toEqual(['derivative', 'original', 'derivation', 'pairs', 'dropped']);
      expect(['rewrite', 'republication', 'translation', 'excerpt']).toContain(r.derivation);
      for (const p of r.pairs) {
        expect(Object.keys(p)).toEqual(['derivative', 'original', 'relation', 'flags']);
        expect(['same', 'condensed', 'merged', 'altered', 'added']).toContain(p.relation);
        expect(p.relation === 'added').toBe(p.original.length === 0);
        for (const f of p.flags) expect(Object.keys(f)).toEqual(['type', 'detail']);
      }
    }
  });

  test('anchors are article paragraphs of the named sources: every derivative paragraph once, every unused original paragraph (not subheading) dropped', () => {
    for (const r of records) {
      expect(r.pairs.map((p) => p.derivative)).toEqual(articleOf(r.derivative).map((p) => p.anchor));
      const used = new Set(r.pairs.flatMap((p) => p.original));
      const originals = articleOf(r.original).map((p) => p.anchor);
      for (const a of used) expect(originals).toContain(a);
      expect(r.dropped).toEqual(numberedOf(r.original).map((p) => p.anchor).filter((a) => !used.has(a)));
    }
  });

  test('is what the pipeline computes from the seeds, minus the word diffs', () => {
    const fresh = alignCorpus(sources).sort((a, b) => a.derivative.localeCompare(b.derivative));
    expect(records).toEqual(alignmentRecords(fresh));
  });
});

test('there is a compare view for each derivative and for no other source', () => {
  for (const s of sources) {
    expect(existsSync(join(DIST, 'sources', s.entry.id, 'compare', 'index.html')), s.entry.id).toBe(
      records.some((r) => r.derivative === s.entry.id),
    );
  }
});

describe.each(records.map((r) => [r.derivative, r] as const))('compare view of %s', (id, r) => {
  const $ = page(`/sources/${id}/compare/`);
  const rows = $('li.compare-row');

  test('one row per derivative paragraph and per dropped original paragraph, each with its id', () => {
    expect(rows.length).toBe(r.pairs.length + r.dropped.length);
    for (const p of r.pairs) expect($(`li.compare-row[id="row-${p.derivative}"]`).length, p.derivative).toBe(1);
    for (const a of r.dropped) expect($(`li.compare-row.compare-dropped[id="dropped-${a}"]`).length, a).toBe(1);
    const pairIds = rows
      .map((_, el) => $(el).attr('id'))
      .get()
      .filter((x) => x.startsWith('row-'));
    expect(pairIds).toEqual(r.pairs.map((p) => `row-${p.derivative}`));
  });

  test('both columns: each side shows its paragraphs’ exact text, deletions in <del> on the left, insertions in <ins> on the right', () => {
    expect($('ins').length).toBeGreaterThan(0);
    expect($('del').length).toBeGreaterThan(0);
    expect($('.compare-derivative del, .compare-original ins').length).toBe(0);
    for (const p of r.pairs) {
      const row = $(`[id="row-${p.derivative}"]`);
      expect(row.find('.compare-original').length).toBe(1);
      // The right column is the derivative paragraph, the left one its original paragraph(s), text for text.
      expect(normaliseForMatch(row.find('.compare-derivative .ptext').text())).toBe(
        normaliseForMatch(textOf(r.derivative, p.derivative)),
      );
      expect(
        row
          .find('.compare-original .ptext')
          .map((_, el) => normaliseForMatch($(el).text()))
          .get(),
      ).toEqual(p.original.map((a) => normaliseForMatch(textOf(r.original, a))));
      if (p.relation === 'same') expect(row.find('ins, del').length).toBe(0);
      // What is neither inserted nor deleted is the same on both sides.
      const kept = (side: string, marked: string) => {
        const c = row.find(`${side} .ptext`).clone();
        c.find(marked).remove();
        return c.text().replace(/\s+/g, '');
      };
      if (p.original.length > 0)
        expect(kept('.compare-derivative', 'ins'), p.derivative).toBe(kept('.compare-original', 'del'));
      expect(row.find('.compare-derivative a.compare-pnum').attr('href')).toBe(
        `/sources/${r.derivative}/#${p.derivative}`,
      );
      expect(
        row
          .find('.compare-original a.compare-pnum')
          .map((_, el) => $(el).attr('href'))
          .get(),
      ).toEqual(p.original.map((a) => `/sources/${r.original}/#${a}`));
    }
  });

  test('each pair’s flags are listed in its row', () => {
    for (const p of r.pairs) {
      const items = $(`[id="row-${p.derivative}"] .compare-flags > li`);
      expect(items.length, p.derivative).toBe(p.flags.length);
      p.flags.forEach((f, i) => expect(normaliseForMatch(items.eq(i).text())).toContain(normaliseForMatch(f.detail)));
    }
  });

  test('totals at the top count the flags and the dropped paragraphs', () => {
    const summary = $('.compare-summary').text();
    const n = (type: string) => r.pairs.reduce((k, p) => k + p.flags.filter((f) => f.type === type).length, 0);
    expect(summary).toMatch(new RegExp(`^${r.pairs.length} paragraphs? \\(`));
    expect(summary).toMatch(new RegExp(`; ${n('quote-not-verbatim')} of \\d+ quotations? not verbatim;`));
    expect(summary).toContain(`; ${n('hedge-dropped')} hedge`);
    expect(summary).toContain(`; ${n('number-changed')} number`);
    expect(summary).toContain(`${r.dropped.length} of ${numberedOf(r.original).length} original paragraphs dropped`);
    expect($('.compare-totals').index()).toBeLessThan($('.compare-rows').parent().index());
  });

  test('dropped original paragraphs stand in place: before the next row that uses a later original paragraph', () => {
    const order = new Map(articleOf(r.original).map((p, i) => [p.anchor, i]));
    const ids = rows.map((_, el) => $(el).attr('id')!).get();
    ids.forEach((rowIdValue, i) => {
      if (!rowIdValue.startsWith('dropped-')) return;
      const k = order.get(rowIdValue.slice('dropped-'.length))!;
      const next = ids
        .slice(i + 1)
        .map((x) => r.pairs.find((p) => `row-${p.derivative}` === x))
        .find((p) => p && p.original.length > 0);
      if (next) expect(Math.min(...next.original.map((a) => order.get(a)!))).toBeGreaterThan(k);
      expect(normaliseForMatch($(`[id="${rowIdValue}"] .compare-original .ptext`).text())).toBe(
        normaliseForMatch(textOf(r.original, rowIdValue.slice(8))),
      );
    });
  });

  test('names both texts, with their links apart', () => {
    expect($('.lede a').length).toBe(2);
    expect($('.lede').text()).toMatch(/made from, \S/);
  });

  test('is not indexed by search (its text is the source pages’ text again)', () => {
    expect($('[data-pagefind-body]').length).toBe(0);
    expect($('article.compare').attr('data-pagefind-ignore')).toBe('all');
  });

  test('the derivative’s source page links to the compare view', () => {
    expect(page(`/sources/${id}/`)(`dl.meta a[href="/sources/${id}/compare/"]`).length).toBe(1);
  });
});

describe.each(records.map((r) => [r.derivative, r] as const))('source pages of %s and its original', (_, r) => {
  const d$ = page(`/sources/${r.derivative}/`);
  const o$ = page(`/sources/${r.original}/`);
  const headings = new Set(paragraphs.filter((p) => p.role === 'heading').map((p) => p.anchor));

  test('each derivative paragraph links to its original paragraph(s) and to its compare row', () => {
    for (const p of r.pairs) {
      if (headings.has(p.derivative)) continue;
      const note = d$(`[id="${p.derivative}"] + details.para-notes .provenance`);
      expect(note.length, p.derivative).toBe(1);
      const hrefs = note
        .find('a')
        .map((_, el) => d$(el).attr('href'))
        .get();
      expect(hrefs).toEqual([
        ...p.original.map((a) => `/sources/${r.original}/#${a}`),
        `/sources/${r.derivative}/compare/#row-${p.derivative}`,
      ]);
      expect(note.text()).toContain(p.relation === 'same' ? 'same text' : p.relation);
    }
  });

  test('each original paragraph with a counterpart says so and links to it; a dropped one says it is not used', () => {
    const users = new Map<string, string[]>();
    for (const p of r.pairs) for (const a of p.original) users.set(a, [...(users.get(a) ?? []), p.derivative]);
    for (const o of articleOf(r.original)) {
      if (headings.has(o.anchor)) continue;
      const note = o$(`[id="${o.anchor}"] + details.para-notes .provenance`);
      expect(note.length, o.anchor).toBe(1);
      const hrefs = note
        .find('a')
        .map((_, el) => o$(el).attr('href'))
        .get();
      const used = users.get(o.anchor);
      if (used) {
        expect(note.text()).toMatch(/^Counterpart in /);
        expect(hrefs).toEqual([
          ...used.map((a) => `/sources/${r.derivative}/#${a}`),
          `/sources/${r.derivative}/compare/#row-${used[0]}`,
        ]);
      } else {
        expect(note.text()).toMatch(/^Not used in .*\(dropped\)/);
        expect(hrefs).toEqual([`/sources/${r.derivative}/compare/#dropped-${o.anchor}`]);
      }
    }
  });

  test('provenance notes are kept out of the search index', () => {
    d$('.provenance').each((_, el) => expect(d$(el).attr('data-pagefind-ignore')).toBe('all'));
  });

  test('metadata: genre, derivation with a link to the original; the original lists its derived text', () => {
    const meta = d$('dl.meta');
    const entry = sources.find((s) => s.entry.id === r.derivative)!.entry;
    if (entry.genre) expect(meta.text()).toContain(entry.genre.replace(/-/g, ' '));
    expect(meta.find('dd.derivation').text()).toMatch(new RegExp(`^${r.derivation} of `));
    expect(meta.find(`dd.derivation a[href="/sources/${r.original}/"]`).length).toBe(1);
    expect(o$(`dl.meta a[href="/sources/${r.derivative}/"]`).length).toBe(1);
    expect(o$(`dl.meta a[href="/sources/${r.derivative}/compare/"]`).length).toBe(1);
  });
});

test('a republication whose original is not in the corpus says so, and has no compare view', () => {
  const outside = sources.filter((s) => s.entry.derivation !== undefined && s.entry.derivedFrom === undefined);
  expect(outside.length).toBeGreaterThan(0);
  for (const s of outside) {
    const $ = page(`/sources/${s.entry.id}/`);
    expect(normaliseForMatch($('dd.derivation').text())).toBe(`${s.entry.derivation}: its original is not among these sources`);
    expect($('.provenance').length).toBe(0);
  }
});
