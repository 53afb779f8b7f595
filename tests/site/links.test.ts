import { expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { DIST } from '../support/paths.ts';
import { htmlPages, page } from '../support/dist.ts';

const pages = htmlPages();
const idsOf = new Map<string, Set<string>>();
const ids = (path: string) => {
  if (!idsOf.has(path)) {
    const $ = page(path);
    idsOf.set(path, new Set($('[id]').map((_, el) => $(el).attr('id')!).get()));
  }
  return idsOf.get(path)!;
};

/** The dist file a site path maps to, or undefined. */
function fileFor(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/') ? [join(DIST, decoded, 'index.html')] : [join(DIST, decoded)];
  return candidates.find((c) => existsSync(c));
}

/** Every same-origin href, src, cite and form action on the page at `path` that does not resolve in dist/. */
function brokenRefs($: CheerioAPI, path: string): string[] {
  const broken: string[] = [];
  const refs = [
    ...$('a[href]').map((_, el) => $(el).attr('href')!).get(),
    ...$('link[href]').map((_, el) => $(el).attr('href')!).get(),
    ...$('script[src]').map((_, el) => $(el).attr('src')!).get(),
    ...$('[cite]').map((_, el) => $(el).attr('cite')!).get(),
    ...$('form[action]').map((_, el) => $(el).attr('action')!).get(),
  ];
  for (const ref of refs) {
    const url = new URL(ref, `http://site${path}`);
    if (url.origin !== 'http://site') continue;
    const target = url.pathname === path ? path : url.pathname;
    if (!fileFor(target)) {
      broken.push(`${ref} (no file)`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.endsWith('/') && !ids(target).has(fragment)) broken.push(`${ref} (no id "${fragment}")`);
  }
  return broken;
}

test.each(pages)('every internal link and fragment on %s resolves', (path) => {
  const $ = page(path);
  expect($('a[href]').length).toBeGreaterThan(0);
  expect(brokenRefs($, path)).toEqual([]);
});

test('the link checker reports a missing page, a missing fragment and a bad cite, and passes good links', () => {
  const $ = page('/sources/trenin-2021/');
  const real = $('.para[id]').first().attr('id')!;
  expect(real).toBeTruthy();
  const probe = load(`<a href="/sources/trenin-2021/#${real}">ok</a><a href="#${real}">ok</a><a href="https://example.org/x">foreign</a>
    <a href="/sources/no-such-source/">a</a><a href="/sources/trenin-2021/#p-no-such-paragraph">b</a>
    <q cite="/sources/trenin-2021/#p-nor-this-one">c</q><script src="/_astro/missing.js"></script>`);
  expect(brokenRefs(probe, '/sources/trenin-2021/')).toEqual([
    '/sources/no-such-source/ (no file)',
    '/sources/trenin-2021/#p-no-such-paragraph (no id "p-no-such-paragraph")',
    '/_astro/missing.js (no file)',
    '/sources/trenin-2021/#p-nor-this-one (no id "p-nor-this-one")',
  ]);
});
