/**
 * The sub-path build (dist-base/, BASE_PATH=/explainer/) served under that
 * path, as a GitHub Pages project site would serve it: search lands on the
 * paragraph and highlights it, citation links land on their paragraph, the
 * original texts, data files and citation downloads are served.
 */
import { expect, test } from 'vitest';
import { useHarness } from '../support/use-harness.ts';
import { BASE_PATH, DIST_BASE } from '../support/paths.ts';
import { loadListed } from '../support/search-results.ts';

const harness = useHarness(DIST_BASE, BASE_PATH);

test('a search under the base lands on the paragraph and highlights the word', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto(`${BASE_PATH}search/?q=Kaliningrad`);
  await page.locator('#search-status').filter({ hasText: /match|No results/ }).waitFor();
  await loadListed(page);
  const links = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const deep = links.map((l) => new URL(l)).filter((u) => u.hash.length > 1 && u.pathname.startsWith(`${BASE_PATH}sources/`));
  expect(deep.length).toBeGreaterThan(0);
  for (const u of links.map((l) => new URL(l))) expect(u.pathname.startsWith(BASE_PATH)).toBe(true);
  const url = deep[0]!;
  await page.locator(`#search-results a[href="${url.pathname}${url.search}${url.hash}"]`).first().click();
  await page.waitForURL((u) => u.hash === url.hash);
  const target = page.locator(':target');
  expect(await target.getAttribute('id')).toBe(decodeURIComponent(url.hash.slice(1)));
  expect(await target.locator('mark').first().textContent()).toMatch(/Kaliningrad/);
});

test('a citation marker on a thesis lands on its paragraph under the base', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto(`${BASE_PATH}theses/nato-expansion/`);
  const href = await page.locator('main a[href*="/sources/"][href*="#"]').first().getAttribute('href');
  expect(href!.startsWith(`${BASE_PATH}sources/`)).toBe(true);
  const response = await page.goto(href!);
  expect(response!.status()).toBe(200);
  // The paragraph id of the link, without its text directive (`#p-…:~:text=…`).
  const id = decodeURIComponent(new URL(href!, page.url()).hash.slice(1).split(':~:')[0]!);
  expect(id).toMatch(/^p-/);
  expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
});

test('original texts, data files and citation downloads are served under the base; nothing at the root', async () => {
  const ctx = await harness.current.context();
  for (const [path, type] of [
    ['sources/trenin-2021.txt', /^text\/plain/],
    ['data/paragraphs.json', /^application\/json/],
    ['sources/trenin-2021/cite.bib', /^application\/x-bibtex/],
    ['theses/nato-expansion/cite.ris', /^application\/x-research-info-systems/],
    ['pagefind/pagefind.js', /javascript/],
  ] as const) {
    const res = await ctx.request.get(`${BASE_PATH}${path}`);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toMatch(type);
  }
  expect((await ctx.request.get('/sources/trenin-2021/')).status()).toBe(404);
});
