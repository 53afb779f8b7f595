import { expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { DIST } from '../support/paths.ts';
import { htmlPages, page } from '../support/dist.ts';
import { findDirective, parseFragment } from '../../src/checks/text-fragments.ts';

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

/**
 * A built page as a browser's text-fragment search sees it: its blocks of
 * text in order (paragraphs, headings, list items …; the "Cited in" line is a
 * block of its own, permalink numbers are left out), each with the id of the
 * nearest element that has one.
 */
function textBlocks($: CheerioAPI): { text: string; ids: string[] }[] {
  const out: { text: string; ids: string[] }[] = [];
  $('main')
    .find('p, h1, h2, h3, h4, li, dt, dd, summary, figcaption, td, th, .cited-in')
    .each((_, el) => {
      const node = $(el);
      if (node.find('p, h1, h2, h3, h4, li, dt, dd').length > 0) return; // only the innermost blocks
      const copy = node.clone();
      copy.find('.pnum, .plink, .cited-in').remove();
      out.push({ text: copy.text(), ids: node.parents('[id]').addBack('[id]').map((_, e) => $(e).attr('id')!).get() });
    });
  return out;
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
    // A text directive (#id:~:text=…) must match exactly once on the target page, inside the element the id names.
    const parsed = parseFragment(url.hash.slice(1));
    if (!parsed) {
      broken.push(`${ref} (malformed text directive)`);
      continue;
    }
    const fragment = decodeURIComponent(parsed.id);
    if (fragment && target.endsWith('/') && !ids(target).has(fragment)) broken.push(`${ref} (no id "${fragment}")`);
    for (const d of parsed.directives) {
      const blocks = textBlocks(page(target));
      // Browsers highlight the first match: it must be inside the element the id names.
      const first = findDirective(blocks.map((b) => b.text), d)[0];
      if (!first) broken.push(`${ref} (text directive matches nothing)`);
      else if (fragment && !blocks[first.block]!.ids.includes(fragment)) broken.push(`${ref} (text directive first matches outside "${fragment}")`);
    }
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
  // The page's own title comes before any paragraph: a directive for it first matches there.
  const title = encodeURIComponent($('h1').text()).replace(/-/g, '%2D');
  expect(real).toBeTruthy();
  const probe = load(`<a href="/sources/trenin-2021/#${real}">ok</a><a href="#${real}">ok</a><a href="https://example.org/x">foreign</a>
    <a href="/sources/no-such-source/">a</a><a href="/sources/trenin-2021/#p-no-such-paragraph">b</a>
    <q cite="/sources/trenin-2021/#p-nor-this-one">c</q><script src="/_astro/missing.js"></script>
    <a href="/sources/trenin-2021/#${real}:~:text=no%20such%20words%20anywhere">d</a><a href="/sources/trenin-2021/#${real}:~:text=${title}">e</a>`);
  expect(brokenRefs(probe, '/sources/trenin-2021/')).toEqual([
    '/sources/no-such-source/ (no file)',
    '/sources/trenin-2021/#p-no-such-paragraph (no id "p-no-such-paragraph")',
    `/sources/trenin-2021/#${real}:~:text=no%20such%20words%20anywhere (text directive matches nothing)`,
    `/sources/trenin-2021/#${real}:~:text=${title} (text directive first matches outside "${real}")`,
    '/_astro/missing.js (no file)',
    '/sources/trenin-2021/#p-nor-this-one (no id "p-nor-this-one")',
  ]);
});
