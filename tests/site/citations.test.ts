/**
 * Citing the built site (the default build, without SITE_URL): each source and
 * thesis page's citation tags agree with its CSL-JSON download; the BibTeX and
 * RIS downloads parse (real parsers); "Cite this" shows the three styles, naming
 * the page by its path, which the browser completes; every page can be shared
 * (Open Graph, Twitter); robots.txt and _headers; and nothing names an address
 * the build cannot know (no loopback, no canonical link, no sitemap). The
 * SITE_URL build's absolute addresses are checked in base-path.test.ts.
 */
import { SITE_AUTHOR } from '../../src/lib/site.ts';
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import { parseAllHeaders } from '@netlify/headers-parser';
import { DIST } from '../support/paths.ts';
import { htmlPages, page } from '../support/dist.ts';
import { seedEntries } from '../support/corpus.ts';

interface Name { given?: string; family?: string; literal?: string; 'non-dropping-particle'?: string }
interface Item { id: string; type: string; title: string; author?: Name[]; 'container-title'?: string; publisher?: string; issued?: { 'date-parts': number[][] }; URL: string }

const sources = readdirSync(join(DIST, 'sources'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const theses = readdirSync(join(DIST, 'theses'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const cited = [...sources.map((id) => ['sources', id] as const), ...theses.map((id) => ['theses', id] as const)];
const file = (folder: string, id: string, name: string) => readFileSync(join(DIST, folder, id, name), 'utf8');

test('there are pages to check', () => {
  expect(sources.length).toBeGreaterThanOrEqual(5);
  expect(theses.length).toBeGreaterThanOrEqual(4);
});

/** A source's original address from the manifest (cited instead of this site's copy), if it has one. */
const originalUrl = (folder: string, id: string): string | undefined => (folder === 'sources' ? seedEntries().find((e) => e.id === id)?.url : undefined);

describe.each(cited)('/%s/%s/', (folder, id) => {
  const json = JSON.parse(file(folder, id, 'cite.json')) as Item[];
  const original = originalUrl(folder, id);
  const item = json[0]!;
  const $ = page(`/${folder}/${id}/`);
  const meta = (name: string) => $(`meta[name="${name}"]`).map((_, el) => $(el).attr('content')!).get();
  const authorsAsTagged = (item.author ?? []).map((a) => a.literal ?? `${[a['non-dropping-particle'], a.family].filter(Boolean).join(' ')}, ${a.given}`);
  const date = item.issued?.['date-parts'][0];

  test('cite.json is one CSL-JSON item with a title, a type and this page’s URL', () => {
    expect(json).toHaveLength(1);
    expect(item.title).toBeTruthy();
    expect(['article-newspaper', 'article-magazine', 'webpage']).toContain(item.type);
    // A source with a known original is cited at the original's address, exactly as the manifest writes it; otherwise
    // our page's address is absolute only with SITE_URL, and without it a download names no page address.
    expect(item.URL).toBe(original);
  });

  test('the Highwire and Dublin Core tags agree with the CSL-JSON', () => {
    expect(meta('citation_title')).toEqual([item.title]);
    expect(meta('DC.title')).toEqual([item.title]);
    expect(meta('citation_author')).toEqual(authorsAsTagged);
    expect(meta('DC.creator')).toEqual(authorsAsTagged);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(meta('citation_publication_date')).toEqual(date ? [date.map(pad).join('/')] : []);
    expect(meta('DC.date')).toEqual(date ? [date.map(pad).join('-')] : []);
    const publisher = item.publisher ?? item['container-title'];
    expect(meta('citation_publisher')).toEqual(publisher ? [publisher] : []);
    expect(meta('citation_public_url')).toEqual(item.URL ? [item.URL] : []);
    expect(meta('DC.identifier')).toEqual(item.URL ? [item.URL] : []);
  });

  test('a source is its original article (author, outlet, date from the manifest); a thesis is this site’s page', () => {
    if (folder === 'theses') {
      expect(item['container-title']).toBe('What does Putin want?');
      // The site's editors, as a corporate author (one site-wide setting).
      expect(item.author).toEqual([{ literal: SITE_AUTHOR }]);
      expect(date).toHaveLength(3);
    } else {
      expect(item.id).toBe(id);
      const h1 = $('h1').first().text();
      expect(item.title).toBe(h1);
    }
  });

  test('cite.bib parses as BibTeX with the same title and authors', () => {
    const { entries, errors } = parseBibtex(file(folder, id, 'cite.bib'));
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    const fields = entries[0]!.fields as { title?: string; author?: { lastName?: string; name?: string }[]; url?: string; year?: string };
    expect(fields.title).toBe(item.title);
    // BibTeX writes accents as TeX ({\\' a}); the parser gives them back decomposed.
    expect((fields.author ?? []).map((a) => (a.lastName ?? a.name)?.normalize('NFC'))).toEqual((item.author ?? []).map((a) => a.family ?? a.literal));
    expect(fields.url).toBe(item.URL); // undefined without SITE_URL: no address is invented
    if (date) expect(fields.year).toBe(String(date[0]));
  });

  test('cite.ris parses as RIS with the same title, authors and URL', () => {
    const parsed = parseRis(file(folder, id, 'cite.ris'));
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.title).toBe(item.title);
    expect(parsed[0]!.URL).toBe(item.URL);
    // A corporate author (the site's editors) is written whole on its line, as Zotero reads a name without a comma
    // (astrocite-ris splits it like a personal name, so it is checked on the line itself); persons parse as names.
    const persons = (item.author ?? []).filter((a) => !a.literal);
    const corporate = (item.author ?? []).filter((a) => a.literal);
    for (const a of corporate) expect(file(folder, id, 'cite.ris')).toContain(`A1  - ${a.literal}\n`);
    if (corporate.length === 0) expect(((parsed[0]!.author ?? []) as Name[]).map((a) => a.family ?? a.literal)).toEqual(persons.map((a) => a.family ?? a.literal));
  });

  test('Cite this shows APA, MLA and Chicago, each a different reference naming the page’s URL, and links the downloads', () => {
    const section = $('section.cite-this');
    expect(section).toHaveLength(1);
    expect(section.find('dt').map((_, el) => $(el).text()).get()).toEqual(['APA', 'MLA', 'Chicago']);
    const refs = section.find('dd').map((_, el) => $(el).text().trim()).get();
    expect(new Set(refs).size).toBe(3);
    // The page is named by its path after an empty element the browser fills with the origin it is read at; a source
    // with a known original names the original instead.
    expect(section.find('.csl-entry [data-origin]').length).toBe(original ? 0 : 3);
    for (const ref of refs) {
      expect(ref).toContain(original ?? `/${folder}/${id}/`);
      if (date) expect(ref).toContain(String(date[0]));
      for (const a of item.author ?? []) expect(ref).toContain(a.family ?? a.literal);
    }
    const links = section.find('a[download]').map((_, el) => $(el).attr('href')!).get();
    expect(links).toEqual(['bib', 'ris', 'json'].map((ext) => `/${folder}/${id}/cite.${ext}`));
  });
});

test('each page’s paragraphs can be cited: cite-paragraph.json has the three styles with the locator and link placeholders', () => {
  for (const [folder, id] of cited) {
    const host = page(`/${folder}/${id}/`)('[data-cite-paragraph]');
    expect(host.attr('data-cite-paragraph'), id).toBe(`/${folder}/${id}/cite-paragraph.json`);
    const t = JSON.parse(file(folder, id, 'cite-paragraph.json')) as { page: string; styles: { key: string; reference: string; paragraph: string }[] };
    expect(t.styles.map((s) => s.key)).toEqual(['apa', 'mla', 'chicago']);
    expect(t.styles.find((s) => s.key === 'apa')!.paragraph, id).toContain('para. {n}');
    expect(t.styles.find((s) => s.key === 'mla')!.paragraph, id).toContain('par. {n}');
    const original = originalUrl(folder, id);
    if (original) expect(t.styles.find((s) => s.key === 'chicago')!.paragraph, id).toContain(`para. {n}, ${original}`);
    else expect(t.styles.find((s) => s.key === 'chicago')!.paragraph, id).toMatch(/para\. \{n\}, \{url\}/);
    // Without SITE_URL the page is its path after the {origin} the browser fills in: no address invented.
    expect(t.page).toBe(`{origin}/${folder}/${id}/`);
    expect(JSON.stringify(t)).not.toContain('page-origin.invalid');
  }
});

describe('sharing', () => {
  const pages = htmlPages();
  test.each(pages)('%s has Open Graph and Twitter card tags, and no canonical link without SITE_URL', (path) => {
    const $ = page(path);
    const prop = (p: string) => $(`meta[property="${p}"]`).attr('content');
    const name = (n: string) => $(`meta[name="${n}"]`).attr('content');
    expect(prop('og:site_name')).toBe('What does Putin want?');
    expect(prop('og:title')).toBeTruthy();
    expect(prop('og:description')!.length).toBeGreaterThan(0);
    expect(prop('og:description')!.length).toBeLessThanOrEqual(220);
    expect(name('twitter:card')).toMatch(/^summary/);
    expect(name('twitter:title')).toBe(prop('og:title'));
    // Without SITE_URL no page has an absolute address to give (base-path.test.ts checks a SITE_URL build).
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect(prop('og:url')).toBeUndefined();
  });

  test('a source page is described by its first paragraph, a thesis by its teaser', () => {
    const $ = page('/sources/trenin-2021/');
    const first = $('p.para:not(.furniture):not(.comment)').first().text();
    const description = $('meta[property="og:description"]').attr('content')!.replace(/…$/, '');
    expect(first.replace(/\s+/g, ' ')).toContain(description);
    const t = page('/theses/nato-expansion/');
    expect(t('meta[property="og:description"]').attr('content')).toBe(t('meta[name="description"]').attr('content'));
  });
});

test('robots.txt allows crawling; without SITE_URL there is no sitemap to name', () => {
  const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots).not.toMatch(/Sitemap:/);
  expect(readdirSync(DIST).filter((f) => f.startsWith('sitemap'))).toEqual([]);
});

test('nothing the default build writes contains a loopback address', () => {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(html|xml|txt|json|bib|ris|js|css|webmanifest)$|^_headers$/.test(e.name) && /127\.0\.0\.1|localhost|\[::1\]/.test(readFileSync(p, 'utf8'))) found.push(p.slice(DIST.length));
    }
  };
  walk(DIST);
  expect(found).toEqual([]);
});

test('_headers sends frame-ancestors \'none\' everywhere and a media type for each citation download', async () => {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [join(DIST, '_headers')], configHeaders: [], minimal: false });
  expect(errors).toEqual([]);
  const all = headers.find((h) => h.for === '/*')!;
  expect(all.values['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  expect(all.values['X-Content-Type-Options']).toBe('nosniff');
  expect(all.values['Referrer-Policy']).toBe('no-referrer');
  // The header policy leaves scripts to each page's <meta> policy (which carries Astro's hashes).
  expect(all.values['Content-Security-Policy']).not.toMatch(/script-src|default-src|style-src/);
  // By path patterns (src/build/http-headers.ts), as the site's server applies them.
  const { headersFor, loadHeaderRules } = await import('../../src/server/serve-dist.ts');
  const rules = await loadHeaderRules(DIST);
  for (const [folder, id] of cited) {
    expect(headersFor(rules, `/${folder}/${id}/cite.bib`)['Content-Type']).toMatch(/^application\/x-bibtex/);
    expect(headersFor(rules, `/${folder}/${id}/cite.ris`)['Content-Type']).toMatch(/^application\/x-research-info-systems/);
  }
});
