/**
 * The site built under a sub-path (BASE_PATH=/explainer/, SITE_URL=https://example.org;
 * built into dist-base/ by tests/support/build-site.ts), as on a GitHub Pages
 * project site: every internal link, asset, form, cite and fragment stays under
 * the base and resolves; absolute URLs (canonical, citations, sitemap) carry
 * the site and the base; _headers names the base.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { BASE_PATH, BASE_SITE_URL, DIST_BASE } from '../support/paths.ts';
import { htmlPages } from '../support/dist.ts';

/** Every built HTML page of dist-base/ as its URL path under the base. */
const pages = (): string[] => htmlPages(DIST_BASE, BASE_PATH);
const fileOf = (urlPath: string): string | undefined => {
  if (!urlPath.startsWith(BASE_PATH)) return undefined;
  const rel = decodeURIComponent(urlPath.slice(BASE_PATH.length));
  const f = join(DIST_BASE, rel, rel === '' || rel.endsWith('/') ? 'index.html' : '');
  return existsSync(f) ? f : undefined;
};
const cache = new Map<string, CheerioAPI>();
const html = (urlPath: string): CheerioAPI => {
  if (!cache.has(urlPath)) cache.set(urlPath, load(readFileSync(fileOf(urlPath)!, 'utf8')));
  return cache.get(urlPath)!;
};

const all = pages();

test('the sub-path build has the same pages as a root build would', () => {
  expect(all).toContain(BASE_PATH);
  expect(all).toContain(`${BASE_PATH}sources/trenin-2021/`);
  expect(all.length).toBeGreaterThan(30);
});

describe.each(all)('%s', (path) => {
  test('every same-origin link, asset, form and cite is under the base and resolves, fragments included', () => {
    const $ = html(path);
    const refs = [
      ...$('a[href], link[href]').map((_, el) => $(el).attr('href')!).get(),
      ...$('script[src]').map((_, el) => $(el).attr('src')!).get(),
      ...$('[cite]').map((_, el) => $(el).attr('cite')!).get(),
      ...$('form[action]').map((_, el) => $(el).attr('action')!).get(),
    ];
    const broken: string[] = [];
    for (const ref of refs) {
      const url = new URL(ref, `${BASE_SITE_URL}${path}`);
      if (url.origin !== BASE_SITE_URL) continue;
      if (!url.pathname.startsWith(BASE_PATH)) broken.push(`${ref} (outside ${BASE_PATH})`);
      else if (!fileOf(url.pathname)) broken.push(`${ref} (no file)`);
      else if (url.hash.length > 1 && url.pathname.endsWith('/')) {
        // The element id, without a text directive (`#p-…:~:text=…`, tests/site/links.test.ts checks those).
        const id = decodeURIComponent(url.hash.slice(1).split(':~:')[0]!);
        if (id !== '' && html(url.pathname)(`[id="${id}"]`).length === 0) broken.push(`${ref} (no id)`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('canonical and Open Graph URLs are SITE_URL + BASE_PATH', () => {
    const $ = html(path);
    if (path.endsWith('404.html')) return;
    // As a URL is written: a non-ASCII path (the removal page /people/détente/) percent-encoded.
    expect($('link[rel="canonical"]').attr('href')).toBe(new URL(`${BASE_SITE_URL}${path}`).href);
  });
});

test('citations, robots.txt, the sitemap and _headers carry the base; the SITE_URL build names its own address everywhere', async () => {
  const item = JSON.parse(readFileSync(join(DIST_BASE, 'sources/trenin-2021/cite.json'), 'utf8'))[0];
  expect(item.URL).toBe(`${BASE_SITE_URL}${BASE_PATH}sources/trenin-2021/`);
  expect(html(`${BASE_PATH}sources/trenin-2021/`)('meta[name="citation_public_url"]').attr('content')).toBe(item.URL);
  expect(readFileSync(join(DIST_BASE, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${BASE_SITE_URL}${BASE_PATH}sitemap-index.xml`);
  expect(readFileSync(join(DIST_BASE, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${BASE_SITE_URL}${BASE_PATH}sources/trenin-2021/</loc>`);
  // "Cite this" gives the absolute address (no placeholder to complete); the thesis downloads carry it too.
  const cite = html(`${BASE_PATH}theses/nato-expansion/`)('section.cite-this');
  expect(cite.find('[data-origin]').length).toBe(0);
  expect(cite.text()).toContain(`${BASE_SITE_URL}${BASE_PATH}theses/nato-expansion/`);
  expect(JSON.parse(readFileSync(join(DIST_BASE, 'theses/nato-expansion/cite.json'), 'utf8'))[0].URL).toBe(`${BASE_SITE_URL}${BASE_PATH}theses/nato-expansion/`);
  const headers = readFileSync(join(DIST_BASE, '_headers'), 'utf8');
  expect(headers).toMatch(new RegExp(`^${BASE_PATH}\\*$`, 'm'));
  const { loadHeaderRules, headersFor } = await import('../../src/server/serve-dist.ts');
  expect(headersFor(await loadHeaderRules(DIST_BASE), `${BASE_PATH}sources/trenin-2021.txt`)['Content-Type']).toBe('text/plain; charset=utf-8');
  expect(headers).not.toMatch(/^\/sources\//m);
});

test('the public data and citation markers point under the base', () => {
  // Citation markers on a thesis page (remark-citations → paragraphHref) link under the base.
  const $ = html(`${BASE_PATH}theses/nato-expansion/`);
  const markers = $('main a[href*="/sources/"]').map((_, el) => $(el).attr('href')!).get();
  expect(markers.length).toBeGreaterThan(0);
  for (const m of markers) expect(m.startsWith(`${BASE_PATH}sources/`)).toBe(true);
  expect(existsSync(join(DIST_BASE, 'data/paragraphs.json'))).toBe(true);
});
