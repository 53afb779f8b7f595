/** The built /timeline/ page and the thesis pages' short timelines. */
import { expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../support/paths.ts';
import { seedEntries } from '../support/corpus.ts';
import { page } from '../support/dist.ts';
import { trimCsp } from '../../src/build/csp-trim.ts';
import { readFileSync } from 'node:fs';

const $ = page('/timeline/');
const entries = $('li.tl-entry');
const events = JSON.parse(readFileSync(join(DIST, 'data', 'events.json'), 'utf8')) as { source: string; anchor: string; date: string | null }[];

test('the page lists entries in date order, each a Pagefind sub-result with its own id', () => {
  expect($('h1').text()).toBe('Timeline');
  expect($('main[data-pagefind-body]')).toHaveLength(1);
  expect($('[data-pagefind-filter="kind"]').text()).toBe('Timeline');
  expect(entries.length).toBeGreaterThan(30);
  const ids = entries.map((_, el) => $(el).attr('id')).get();
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^(e|pub)-[0-9a-z-]+$/);
  entries.each((_, el) => expect($(el).attr('data-pagefind-title'), $(el).attr('id')).toMatch(/\S: \S/));
  const dates = entries.map((_, el) => $(el).find('.tl-date time').first().attr('datetime')!).get();
  const sortKeys = entries.map((_, el) => ($(el).attr('id')!.startsWith('pub-') ? $(el).find('time').attr('datetime')! : $(el).attr('id')!.slice(2, 12).replace(/-[a-z].*$/, ''))).get();
  expect(dates.length).toBe(entries.length);
  expect([...sortKeys].sort()).toEqual(sortKeys);
});

test('every dated mention of events.json is on the page, as an entry or among those not placed', () => {
  const links = $('.tl-m li .tl-cite a, .tl-fold a').map((_, el) => $(el).attr('href')!).get();
  for (const e of events) expect(links.some((h) => h.startsWith(`/sources/${e.source}/#${e.anchor}`)), `${e.source} ${e.anchor}`).toBe(true);
  const mentions = $('.tl-m li').length + $('.tl-fold a').length;
  expect(mentions).toBe(events.length);
});

test('every entry links to an existing paragraph anchor of its source, most with a text fragment', () => {
  const hrefs = $('.tl-m .tl-cite a, .tl-fold a').map((_, el) => $(el).attr('href')!).get();
  let fragments = 0;
  for (const href of hrefs) {
    const m = /^\/sources\/([^/]+)\/#([^:]+)(:~:text=.+)?$/.exec(href);
    expect(m, href).not.toBeNull();
    expect(page(`/sources/${m![1]}/`)(`[id="${m![2]}"]`).length, href).toBe(1);
    if (m![3]) fragments++;
  }
  expect(fragments / hrefs.length).toBeGreaterThan(0.9);
});

test('curated events are titled; differing dates stand side by side; derivatives are folded; publications are on the line', () => {
  const power = entries.filter((_, el) => $(el).find('.tl-title').text() === 'Putin comes to power');
  expect(power).toHaveLength(1);
  expect(power.find('.tl-date time').map((_, t) => $(t).attr('datetime')).get()).toEqual(['2000', '1999-12-31']);
  expect(power.hasClass('tl-differ')).toBe(true);
  const folded = $('.tl-fold');
  expect(folded.length).toBeGreaterThan(0);
  expect(folded.text()).toContain('CNN retelling');
  expect(folded.text()).toContain('not a separate source');
  expect($('#pub-trenin-2021 time').attr('datetime')).toBe('2021-12-28');
  // One publication entry per source with a date (any corpus).
  expect($('li.tl-pub').length).toBe(seedEntries().filter((e) => e.published).length);
  expect($('.tl-who').text()).toContain('claim of Vladimir Putin');
});

test('filters: the form lists the sources and theses; entries carry what they filter on', () => {
  expect($('#tl-filters select[name="source"] option').length).toBeGreaterThanOrEqual(6);
  expect($('#tl-filters select[name="thesis"] option').length).toBe(5);
  entries.each((_, el) => expect($(el).attr('data-s')).toBeTruthy());
  expect(entries.filter('[data-t~="nato-expansion"]').length).toBeGreaterThan(0);
});

test('each thesis page has a short timeline of at most 8 entries, each linking to an entry of /timeline/', () => {
  for (const slug of ['nato-expansion', 'imperial-history', 'opportunism-toward-trump', 'post-soviet-borders']) {
    const t = page(`/theses/${slug}/`);
    const details = t('details.tl-short');
    expect(details, slug).toHaveLength(1);
    expect(details.attr('open')).toBeUndefined();
    const links = details.find('li a');
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(8);
    links.each((_, a) => {
      const id = /^\/timeline\/#(.+)$/.exec(t(a).attr('href')!)![1]!;
      expect($(`[id="${id}"]`).length, id).toBe(1);
      expect(($(`[id="${id}"]`).attr('data-t') ?? '').split(' '), id).toContain(slug);
    });
  }
});

test("a date in a thesis's words links to a timeline entry of a source its paragraph cites", () => {
  let total = 0;
  for (const slug of ['nato-expansion', 'imperial-history', 'opportunism-toward-trump', 'post-soviet-borders']) {
    const t = page(`/theses/${slug}/`);
    t('a.date-ref').each((_, a) => {
      total++;
      const id = /^\/timeline\/#(.+)$/.exec(t(a).attr('href')!)![1]!;
      const entry = $(`[id="${id}"]`);
      expect(entry.length, id).toBe(1);
      // The words are a date the entry gives: its year at least.
      expect(entry.find('.tl-date time').first().attr('datetime')!.slice(0, 4), id).toBe(/\d{4}/.exec(t(a).text())?.[0]);
      // The entry's sources include a source the thesis paragraph cites.
      const cited = t(a).closest('.tpara').find('a.cite').map((_, c) => /^\/sources\/([^/]+)\//.exec(t(c).attr('href')!)![1]!).get();
      const sources = (entry.attr('data-s') ?? '').split(' ');
      expect(cited.some((s) => sources.includes(s)), `${slug} ${t(a).text()} → ${id}`).toBe(true);
      // Never inside a quotation: the source's words are not ours to link.
      expect(t(a).closest('q, blockquote').length).toBe(0);
    });
  }
  expect(total).toBeGreaterThan(0);
});

test('every page keeps only the hashes its own inline scripts and styles need', () => {
  for (const path of ['/timeline/', '/theses/nato-expansion/', '/', '/search/']) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    expect(trimCsp(html).removed, path).toBe(0);
    const csp = /http-equiv="content-security-policy" content="([^"]*)"/.exec(html)![1]!;
    expect(csp.match(/'sha256-/g)?.length ?? 0, path).toBeLessThanOrEqual(4);
  }
  expect(existsSync(join(DIST, 'timeline', 'index.html'))).toBe(true);
});
