/** The built people pages and /data/speech.json, checked against the pipeline's own spans. */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { nameResolver, parsePeopleConfig, SEARCHABLE_MIN_SOURCES, speakersOf } from '../../src/lib/people.ts';
import type { SpeechRecord } from '../../src/lib/data-export.ts';
import { page } from '../support/dist.ts';
import { DIST, ROOT, SEEDS } from '../support/paths.ts';

const sources = loadSources(SEEDS);
const config = parsePeopleConfig(readFileSync(join(ROOT, 'content', 'people.yaml'), 'utf8'), 'content/people.yaml');
const resolve = nameResolver(speakersOf(sources.map((s) => ({ paragraphs: s.paragraphs }))), config);
const named = sources.flatMap((s) => s.paragraphs.flatMap((p) => (p.spans ?? []).filter((x) => (x.kind === 'direct' || x.kind === 'reported') && x.speaker && /\S/.test(x.text)).map((x) => ({ source: s.entry.id, p, x }))));
const canonical = [...new Set(named.map((n) => resolve(n.x.speaker!)))];
const $index = page('/people/');
const slugOf = new Map<string, string>();
$index('.people-list li > a').each((_, el) => {
  slugOf.set($index(el).text(), $index(el).attr('href')!.replace(/^\/people\/|\/$/g, ''));
});

test('there are named speakers in the seeds, and /people/ lists each one once', () => {
  expect(canonical.length).toBeGreaterThan(5);
  expect([...slugOf.keys()].sort()).toEqual([...canonical].sort());
});

test('each person has a page at /people/<github-slugger slug of the name>/', () => {
  for (const [name, slug] of slugOf) {
    expect(slug).toBe(new GithubSlugger().slug(name));
    expect(existsSync(join(DIST, 'people', slug, 'index.html')), name).toBe(true);
  }
});

test('content/people.yaml merges aliases: no page for an alias, the description is shown', () => {
  for (const e of config) {
    for (const alias of e.aliases) expect(slugOf.has(alias)).toBe(false);
    const slug = slugOf.get(e.name);
    if (!slug) continue;
    const $ = page(`/people/${slug}/`);
    expect($('h1').text()).toBe(e.name);
    if (e.description) expect($('main').text()).toContain(e.description);
  }
});

describe.each(canonical.map((name) => [name] as const))('%s', (name) => {
  const $ = page(`/people/${slugOf.get(name)}/`);
  const mine = named.filter((n) => resolve(n.x.speaker!) === name);

  test('every statement is on the page, verbatim, linked to an existing paragraph anchor, with its own id', () => {
    const items = $('li.statement');
    expect(items.length).toBeGreaterThan(0);
    for (const { source, p, x } of mine) {
      // Each span's words are inside one statement shown for this paragraph.
      const here = items.filter((_, el) => $(el).find('blockquote').attr('cite') === `/sources/${source}/#${p.anchor}`);
      expect(here.length, `${source} ${p.anchor}`).toBeGreaterThan(0);
      expect(here.map((_, el) => $(el).find('blockquote').text()).get().some((t) => t.includes(x.text.trim()))).toBe(true);
    }
    items.each((_, el) => {
      const item = $(el);
      const href = item.find('blockquote').attr('cite')!;
      const [, source, anchor] = /^\/sources\/([^/]+)\/#(.+)$/.exec(href)!;
      const para = sources.find((s) => s.entry.id === source)!.paragraphs.find((p) => p.anchor === anchor)!;
      expect(para, href).toBeDefined();
      expect(para.text).toContain(item.find('blockquote').text());
      expect(page(`/sources/${source}/`)(`[id="${anchor}"]`).length).toBe(1);
      expect(item.find(`a[href="${href}"]`).length).toBe(1);
      expect(item.attr('id')).toMatch(/\S/);
      expect(item.find(`a[href="#${item.attr('id')}"]`).length).toBe(1);
    });
  });

  test('statements are grouped by source under a heading linking the source', () => {
    $('section').each((_, el) => {
      const h2 = $(el).find('h2 a').attr('href')!;
      $(el)
        .find('blockquote')
        .each((_, q) => expect($(q).attr('cite')!.startsWith(h2)).toBe(true));
    });
  });

  test('the page is indexed as a Person exactly when content/people.yaml lists the person or the person speaks in two sources or more', () => {
    const speaksIn = new Set(named.filter((n) => resolve(n.x.speaker!) === name).map((n) => n.source)).size;
    const searchable = config.some((e) => e.name === name) || speaksIn >= SEARCHABLE_MIN_SOURCES;
    expect($('[data-pagefind-filter="kind"]').text()).toBe('Person');
    expect($('main[data-pagefind-body]').length).toBe(searchable ? 1 : 0);
  });
});

test('both kinds of people page occur in the seeds: some are search results, some are found through their source', () => {
  const bodies = [...slugOf.values()].map((slug) => page(`/people/${slug}/`)('main[data-pagefind-body]').length);
  expect(bodies).toContain(1);
  expect(bodies).toContain(0);
});

test('a statement that a thesis cites links to the citation marker on the thesis page', () => {
  const links = canonical.flatMap((name) => {
    const $ = page(`/people/${slugOf.get(name)}/`);
    return $('.cited-by a').map((_, el) => $(el).attr('href')!).get();
  });
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) {
    const [, slug, id] = /^\/theses\/([^/]+)\/#(.+)$/.exec(href)!;
    expect(page(`/theses/${slug}/`)(`a.cite[id="${id}"]`).length, href).toBe(1);
  }
});

test('the site nav links to /people/ and search offers the Person kind', () => {
  expect(page('/')('header nav a[href="/people/"]').text()).toBe('People');
  expect(page('/search/')('select[name="kind"] option').map((_, el) => page('/search/')(el).text()).get()).toContain('Person');
});

describe('/data/speech.json', () => {
  const records = JSON.parse(readFileSync(join(DIST, 'data', 'speech.json'), 'utf8')) as SpeechRecord[];

  test('lists every span that is not narration, in the documented shape', () => {
    const want = sources.flatMap((s) => s.paragraphs.flatMap((p) => (p.spans ?? []).filter((x) => x.kind !== 'narration')));
    expect(records.length).toBe(want.length);
    for (const r of records) {
      expect(Object.keys(r).sort()).toEqual(['anchor', 'cue', 'end', 'kind', 'source', 'speaker', 'start', 'text']);
      expect(['direct', 'reported', 'scare']).toContain(r.kind);
      if (r.kind === 'scare') expect(r.speaker).toBeNull();
    }
  });

  test('each record’s text is exactly the paragraph text [start, end)', () => {
    for (const r of records) {
      const p = sources.find((s) => s.entry.id === r.source)!.paragraphs.find((p) => p.anchor === r.anchor)!;
      expect(p.text.slice(r.start, r.end), `${r.source} ${r.anchor}`).toBe(r.text);
    }
  });

  test('speakers are the full names the people pages use', () => {
    const names = new Set(slugOf.keys());
    for (const r of records) if (r.speaker !== null && /\S/.test(r.text)) expect(names.has(r.speaker), r.speaker).toBe(true);
  });
});
