/** The built people pages and /data/speech.json, checked against the pipeline's own spans. */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { holderTypeOf, nameResolver, parsePeopleConfig, SEARCHABLE_MIN_SOURCES, speakersOf } from '../../src/models/people.ts';
import type { SpeechRecord } from '../../src/models/data-export.ts';
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

  test('the page is indexed exactly when content/people.yaml lists the speaker or the speaker speaks in two sources or more, as a Person only for a person', () => {
    const speaksIn = new Set(named.filter((n) => resolve(n.x.speaker!) === name).map((n) => n.source)).size;
    const searchable = config.some((e) => e.name === name) || speaksIn >= SEARCHABLE_MIN_SOURCES;
    const label = $('.holder-label').text();
    expect(['Person', 'Group', 'Body', 'Outlet']).toContain(label);
    expect($('[data-pagefind-filter="kind"]').text()).toBe(label === 'Person' ? 'Person' : 'Group, body or outlet');
    expect($('main[data-pagefind-body]').length).toBe(searchable ? 1 : 0);
  });

  test('the page is headed with its kind of speaker, and listed under that heading on /people/', () => {
    const label = $('.holder-label').text();
    const type = label.toLowerCase();
    const configured = config.find((e) => e.name === name)?.type;
    if (configured) expect(type).toBe(configured);
    // Without holder types from the speech stage, the name rules decide.
    if (!configured && !mine.some((n) => n.x.holder)) expect(type).toBe(holderTypeOf(name, []));
    expect($index(`.people-list[data-type="${type}"] li > a`).filter((_, el) => $index(el).text() === name).length).toBe(1);
    // A lower-case common noun ("polls", "experts") or a plural is never a person.
    if (/^\p{Ll}/u.test(name.replace(/^the /, ''))) expect(label).not.toBe('Person');
  });
});

test('/people/ lists people first, then groups, bodies and outlets under their own headings; the seeds’ common nouns, groups and outlets are not people', () => {
  const headings = $index('main h2').map((_, el) => $index(el).text()).get();
  expect(headings[0]).toBe('People');
  expect(headings).toContain('Groups of people');
  const typeOf = (name: string) => $index('.people-list li > a').filter((_, el) => $index(el).text() === name).closest('ul').attr('data-type');
  for (const name of ['polls', 'Russians', 'Experts', 'Putin and his aides']) if (slugOf.has(name)) expect(typeOf(name), name).toBe('group');
  if (slugOf.has('CNN')) expect(typeOf('CNN')).toBe('outlet');
  if (slugOf.has('the Kremlin')) expect(typeOf('the Kremlin')).toBe('body');
  expect(typeOf('Vladimir Putin')).toBe('person');
  // Merged in content/people.yaml: one group, not two people.
  expect(slugOf.has('the Russian president and his inner circle')).toBe(false);
});

test('a people page that no speaker has any more is a removal notice keeping every id it published, each linking on', () => {
  const $ = page('/people/the-russian-president-and-his-inner-circle/');
  expect($('h1').text()).toBe('Page removed');
  expect($('main').text()).toContain('Putin and his aides');
  const kept = $('li.statement.tombstone');
  expect(kept.length).toBeGreaterThan(0);
  kept.each((_, el) => {
    const href = $(el).find('a').attr('href')!;
    const [path, id] = href.split('#');
    if (id) expect(page(path!)(`[id="${id}"]`).length, href).toBe(1);
  });
  expect($('main[data-pagefind-body]').length).toBe(0);
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
      const optional = ['evidence', 'holder', 'inferred'];
      expect(Object.keys(r).filter((k) => !optional.includes(k)).sort()).toEqual(['anchor', 'cue', 'end', 'kind', 'source', 'speaker', 'start', 'text']);
      expect(['direct', 'reported', 'scare']).toContain(r.kind);
      if (r.kind === 'scare') expect(r.speaker).toBeNull();
      if (r.holder !== undefined) expect(['person', 'group', 'body', 'outlet']).toContain(r.holder);
      if (r.inferred !== undefined) expect(r.inferred && typeof r.evidence === 'string' && r.speaker !== null).toBe(true);
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
