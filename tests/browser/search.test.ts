import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

async function search(page: Page, query: string): Promise<string[]> {
  await page.goto('/search/');
  await page.locator('#q').fill(query);
  await page.locator('#search-status').filter({ hasText: /match|No results/ }).waitFor();
  return page.locator('#search-results a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
}

describe.each([
  ['opportunist', /opportunist/i],
  ['Kaliningrad', /Kaliningrad/],
])('searching %s', (query, word) => {
  test('returns a paragraph link that lands on and highlights the paragraph', async () => {
    const page = await (await harness.current.context()).newPage();
    const links = await search(page, query);
    const deep = links.filter((l) => new URL(l).hash.length > 1 && new URL(l).pathname.startsWith('/sources/'));
    expect(deep.length).toBeGreaterThan(0);
    const url = new URL(deep[0]!);
    expect(url.pathname).toMatch(/^\/sources\/[a-z0-9-]+\/$/);
    await page.locator(`#search-results a[href="${url.pathname}${url.search}${url.hash}"]`).first().click();
    await page.waitForURL((u) => u.hash === url.hash);
    const target = page.locator(':target');
    expect(await target.getAttribute('id')).toBe(decodeURIComponent(url.hash.slice(1)));
    expect(await target.textContent()).toMatch(word);
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await target.locator('mark').first().textContent()).toMatch(word);
    expect(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })).toBe(true);
  });
});

test('a phrase from a thesis page finds its paragraph: the result lands on that paragraph, words highlighted', async () => {
  const page = await (await harness.current.context()).newPage();
  await search(page, 'unfinished business of 1991');
  // The sub-result whose excerpt has the phrase: a thesis paragraph of its own.
  const sub = page.locator('#search-results .sub-results li', { hasText: /unfinished business/i }).first().locator('a');
  const url = new URL((await sub.getAttribute('href'))!, 'http://x');
  expect(url.pathname).toBe('/theses/post-soviet-borders/');
  expect(url.hash).toMatch(/^#p-/);
  await page.locator(`#search-results a[href="${url.pathname}${url.search}${url.hash}"]`).first().click();
  await page.waitForURL((u) => u.hash === url.hash);
  const target = page.locator(':target');
  expect(await target.evaluate((el) => el.tagName)).toBe('P');
  expect(await target.textContent()).toMatch(/unfinished business of\s+1991/i);
  expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  expect(await target.locator('mark', { hasText: /unfinished/i }).count()).toBeGreaterThan(0);
  expect(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })).toBe(true);
});

test('a word found only in reader comments returns no comment text', async () => {
  const page = await (await harness.current.context()).newPage();
  const links = await search(page, 'Michalopulos');
  expect(links).toEqual([]);
  expect(await page.locator('#search-status').textContent()).toContain('No results');
  // Control: the word really is on the site, in the comments of the Trenin page.
  await page.goto('/sources/trenin-2021/');
  expect(await page.locator('.para.comment').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Michalopulos')]));
});

test('/search/?q=NATO shows results on load and keeps the query in the box', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/search/?q=NATO');
  await page.locator('.result').first().waitFor();
  expect(await page.locator('#q').inputValue()).toBe('NATO');
  expect(await page.locator('.result').count()).toBeGreaterThan(1);
});

test('typing keeps the query and filters in the URL, and a filter narrows the results', async () => {
  const page = await (await harness.current.context()).newPage();
  await search(page, 'Ukraine');
  const all = await page.locator('.result').count();
  await page.locator('select[name="source"]').selectOption('Trenin');
  await page.waitForURL(/source=Trenin/);
  await page.locator('#search-status').filter({ hasText: /^1 page match/ }).waitFor();
  expect(new URL(page.url()).searchParams.get('q')).toBe('Ukraine');
  expect(await page.locator('.result').count()).toBeLessThan(all);
  expect(await page.locator('.result h2 a').first().getAttribute('href')).toMatch(/^\/sources\/trenin-2021\//);
});

test('Pagefind is not loaded until there is a query', async () => {
  const page = await (await harness.current.context()).newPage();
  const before = harness.current.server.log.length;
  await page.goto('/search/');
  await page.waitForLoadState('networkidle');
  expect(harness.current.server.log.slice(before).filter((r) => r.path.startsWith('/pagefind/'))).toEqual([]);
});

test('the header search box is reachable with "/" and submits to the search page', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/sources/');
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
  await page.keyboard.type('Galeotti');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=Galeotti/);
  await page.locator('.result').first().waitFor();
});

test('without JavaScript the search page says that search needs it', async () => {
  const page = await (await harness.current.context({ javaScriptEnabled: false })).newPage();
  await page.goto('/search/?q=NATO');
  expect(await page.locator('noscript').count()).toBe(1);
  expect(await page.locator('main').textContent()).toContain('Search runs in your browser and needs JavaScript');
});
