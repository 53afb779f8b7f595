import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from '../support/use-harness.ts';
import { page as distPage } from '../support/dist.ts';
import { loadListed } from '../support/search-results.ts';

const harness = useHarness();

async function search(page: Page, query: string): Promise<string[]> {
  await page.goto('/search/');
  await page.locator('#q').fill(query);
  await page.locator('#search-status').filter({ hasText: /match|No results/ }).waitFor();
  await loadListed(page);
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
  // A phrase of four words that opens a prose paragraph of the thesis as built (after its In brief).
  const $ = distPage('/theses/post-soviet-borders/');
  const para = $('.thesis-body > p.tpara').filter((_, el) => $(el).prevAll('h2').first().attr('id') !== 'in-brief').first();
  const copy = para.clone();
  copy.find('a.cite, .plink, q').remove();
  // The first four plain words in a row (no punctuation between or within them).
  const tokens = copy.text().trim().split(/\s+/);
  const at = tokens.findIndex((_, i) => tokens.slice(i, i + 4).length === 4 && tokens.slice(i, i + 4).every((w) => /^[A-Za-z]+$/.test(w)));
  expect(at).toBeGreaterThanOrEqual(0);
  const words = tokens.slice(at, at + 4);
  const phrase = words.join(' ');
  const loose = new RegExp(words.join('\\s+'), 'i');
  const page = await (await harness.current.context()).newPage();
  await search(page, `"${phrase}"`);
  // The sub-result whose excerpt has the phrase: a thesis paragraph of its own.
  const sub = page.locator('#search-results .result', { has: page.locator('h2 a[href^="/theses/post-soviet-borders/"]') }).locator('.sub-results li', { hasText: loose }).first().locator('a');
  const url = new URL((await sub.getAttribute('href'))!, 'http://x');
  expect(url.pathname).toBe('/theses/post-soviet-borders/');
  expect(url.hash).toMatch(/^#p-/);
  await page.locator(`#search-results a[href="${url.pathname}${url.search}${url.hash}"]`).first().click();
  await page.waitForURL((u) => u.hash === url.hash);
  const target = page.locator(':target');
  expect(await target.evaluate((el) => el.tagName)).toBe('P');
  expect(await target.textContent()).toMatch(loose);
  expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  expect(await target.locator('mark').count()).toBeGreaterThan(0);
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
  await page.locator('#search-status').filter({ hasText: /match “NATO”/ }).waitFor();
  expect(await page.locator('#q').inputValue()).toBe('NATO');
  expect(await page.locator('.result').count()).toBeGreaterThan(0);
  expect(await page.locator('#search-results li').count()).toBeGreaterThan(1); // the rest listed, loading as they come into view
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

test('a reading page loads nothing of Pagefind until its header box gets focus, which prefetches it', async () => {
  const page = await (await harness.current.context()).newPage();
  const before = harness.current.server.log.length;
  await page.goto('/theses/nato-expansion/');
  await page.waitForLoadState('networkidle');
  const pagefindSince = (from: number) => harness.current.server.log.slice(from).filter((r) => r.path.startsWith('/pagefind/')).map((r) => r.path);
  expect(pagefindSince(before)).toEqual([]);
  const focused = harness.current.server.log.length;
  await page.locator('#site-search-q').focus();
  // The three prefetches start together but reach the server in any order: wait for all of them.
  await expect.poll(() => pagefindSince(focused), { timeout: 15_000 }).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json']));
  await expect.poll(() => pagefindSince(focused).some((p) => p.startsWith('/pagefind/wasm.')), { timeout: 15_000 }).toBe(true);
});

test('the search page loads Pagefind before the first keystroke, without its worker, and fetches a fragment only for a result that comes into view', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  const before = harness.current.server.log.length;
  await page.goto('/search/');
  await expect.poll(() => harness.current.server.log.slice(before).some((r) => r.path.startsWith('/pagefind/wasm.')), { timeout: 15_000 }).toBe(true);
  await page.locator('#q').fill('Russia');
  await page.locator('#search-status').filter({ hasText: /first 10 listed/ }).waitFor();
  await page.locator('.result').first().waitFor();
  await page.waitForTimeout(800); // typing has settled: the results in view have loaded
  await page.waitForLoadState('networkidle');
  const fragments = () => harness.current.server.log.slice(before).filter((r) => r.path.startsWith('/pagefind/fragment/')).length;
  const loaded = await page.locator('.result').count();
  expect(harness.current.server.log.slice(before).filter((r) => r.path.includes('worker'))).toEqual([]);
  expect(loaded).toBeGreaterThan(0);
  expect(loaded).toBeLessThan(10);
  expect(fragments()).toBe(loaded);
  // Every loaded result starts within the viewport (or just below it); the first pending one does not.
  const tops = await page.locator('.result').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(Math.max(...tops)).toBeLessThan(700 * 1.1);
  expect(await page.locator('.result-pending').first().evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(700);
  // The list says what it is while the rest waits.
  expect(await page.locator('.result-pending').first().textContent()).toMatch(new RegExp(`^Result ${loaded + 1} of \\d+$`));
  // Scrolling loads the rest of the listed results, in order, one fragment each.
  await loadListed(page);
  expect(await page.locator('.result').count()).toBe(10);
  expect(fragments()).toBe(10);
  const total = Number(/^(\d+) pages/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(10);
  await page.locator('#search-more').click();
  await loadListed(page);
  expect(await page.locator('.result').count()).toBe(Math.min(total, 20));
  expect(fragments()).toBe(Math.min(total, 20));
});

test('clearing the box at once leaves no results of the earlier query', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/search/');
  await page.locator('#q').fill('Kaliningrad');
  await page.locator('#q').fill('');
  await page.waitForTimeout(1000);
  await page.waitForLoadState('networkidle');
  expect(await page.locator('.result').count()).toBe(0);
  expect(await page.locator('#search-status').textContent()).toBe('');
  // Control: the same query, left in the box, does show results.
  await page.locator('#q').fill('Kaliningrad');
  await page.locator('.result').first().waitFor();
});

test('replacing the query quickly shows only the newest query\'s results', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/search/');
  await page.locator('#q').fill('Kaliningrad');
  await page.locator('#q').fill('Michalopulos'); // found nowhere indexed
  await page.locator('#search-status').filter({ hasText: 'No results for “Michalopulos”' }).waitFor();
  await page.waitForTimeout(500);
  expect(await page.locator('.result').count()).toBe(0);
});

test('when Pagefind cannot be loaded the page says so, and a later search loads it again', async () => {
  const context = await harness.current.context();
  await context.route(/\/pagefind\/pagefind\.js/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto('/search/?q=NATO');
  await page.locator('#search-status').filter({ hasText: /could not be loaded/ }).waitFor({ timeout: 10_000 });
  expect(await page.locator('.result').count()).toBe(0);
  await context.unroute(/\/pagefind\/pagefind\.js/);
  await page.locator('#search-form button[type="submit"]').click();
  await page.locator('#search-status').filter({ hasText: /match “NATO”/ }).waitFor();
  expect(await page.locator('.result').count()).toBeGreaterThan(0);
});

test('?kind= and ?thesis= on load select the filter and narrow the results', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/search/?q=Ukraine&kind=Thesis');
  await page.locator('#search-status').filter({ hasText: /match/ }).waitFor();
  expect(await page.locator('select[name="kind"]').inputValue()).toBe('Thesis');
  const kinds = await page.locator('.result > p.small').allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(kinds.every((k) => k.startsWith('Thesis'))).toBe(true);
  const thesis = (await page.locator('select[name="thesis"] option').allTextContents()).find((t) => t !== 'Any thesis')!;
  await page.goto(`/search/?q=Ukraine&thesis=${encodeURIComponent(thesis)}`);
  // The thesis and the sources it cites (not the thesis alone).
  await page.locator('#search-status').filter({ hasText: /match/ }).waitFor();
  expect(await page.locator('select[name="thesis"]').inputValue()).toBe(thesis);
  await loadListed(page);
  const titles = await page.locator('.result h2 a').allTextContents();
  expect(titles).toContain(thesis);
  expect(titles.length).toBeGreaterThan(1);
});

test('an unknown filter value in the URL is ignored and said so; the search still runs', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/search/?q=Ukraine&kind=Bogus');
  await page.locator('#search-status').filter({ hasText: /match/ }).waitFor();
  expect(await page.locator('#search-notice').textContent()).toContain('no kind “Bogus”');
  expect(await page.locator('select[name="kind"]').inputValue()).toBe('');
  const totalOf = async () => Number(/^(\d+) page/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
  const ignored = await totalOf();
  await page.waitForURL((u) => !u.searchParams.has('kind'));
  await page.goto('/search/?q=Ukraine');
  await page.locator('#search-status').filter({ hasText: /match/ }).waitFor();
  expect(ignored).toBe(await totalOf());
  expect(await page.locator('#search-notice').textContent()).toBe('');
});

test('a source filter too long to write into the page is filled from the index when the reader opens it', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/search/');
  const select = page.locator('select[name="source"]');
  const written = (await select.locator('option').allTextContents()).filter((t) => t !== 'Any source');
  expect(written.length).toBeGreaterThan(1); // five sources: written into the page
  // As the page is built past SOURCE_OPTIONS sources: no options, marked on demand.
  await select.evaluate((s: HTMLSelectElement) => {
    [...s.options].slice(1).forEach((o) => o.remove());
    s.dataset.onDemand = '';
  });
  expect(await select.locator('option').count()).toBe(1);
  await select.focus();
  await expect.poll(() => select.locator('option').count(), { timeout: 15_000 }).toBe(written.length + 1);
  expect((await select.locator('option').allTextContents()).slice(1)).toEqual(written);
  await page.locator('#q').fill('NATO');
  await select.selectOption('Trenin');
  await page.locator('#search-status').filter({ hasText: /^1 page match/ }).waitFor();
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

test('excerpts carry no citation marker labels ("Trenin ¶17" is apparatus, not text)', async () => {
  const page = await (await harness.current.context()).newPage();
  await search(page, 'Trenin');
  const excerpts = await page.locator('#search-results .excerpt').allTextContents();
  expect(excerpts.length).toBeGreaterThan(0);
  for (const e of excerpts) expect(e).not.toMatch(/¶\d/u); // no marker label, no paragraph permalink
});

test.each([1280, 390])('at %i px, no results: "Did you mean …?" from the index’s own words, fetched only then', async (width) => {
  const page = await (await harness.current.context({ viewport: { width, height: 800 } })).newPage();
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await search(page, 'Putin');
  expect(fetched.some((p) => p.endsWith('/vocabulary.json'))).toBe(false);
  await page.locator('#q').fill('Kaliningard');
  const status = page.locator('#search-status');
  await status.filter({ hasText: 'Did you mean' }).waitFor();
  expect(await status.textContent()).toBe('No results for “Kaliningard”. Did you mean Kaliningrad?');
  expect(fetched.filter((p) => p.endsWith('/vocabulary.json'))).toHaveLength(1);
  await status.locator('a', { hasText: 'Kaliningrad' }).click();
  await page.locator('#search-results .result').first().waitFor();
  expect(await page.locator('#q').inputValue()).toBe('Kaliningrad');
});

test.each([1280, 390])('at %i px a quoted phrase is highlighted as a phrase, not word by word', async (width) => {
  const page = await (await harness.current.context({ viewport: { width, height: 800 } })).newPage();
  await search(page, '"last stand"');
  const marks = await page.locator('#search-results .excerpt mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(m.toLowerCase().replace(/\s+/g, ' ')).toBe('last stand');
});

test('the thesis filter finds the thesis and the sources it cites', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto(`/search/?q=Ukraine&thesis=${encodeURIComponent('NATO expansion')}`);
  await page.locator('#search-status').filter({ hasText: /match/ }).waitFor();
  await loadListed(page);
  const pages = await page.locator('#search-results .result h2 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(pages).toContain('/theses/nato-expansion/');
  expect(pages.some((p) => p.startsWith('/sources/'))).toBe(true);
  expect(pages.some((p) => p.startsWith('/theses/') && p !== '/theses/nato-expansion/')).toBe(false);
  // A source's paragraphs listed under it are the ones the thesis cites.
  const $ = distPage('/theses/nato-expansion/');
  const cited = new Set($('main a.cite').map((_, a) => { const u = new URL($(a).attr('href')!, 'http://x'); return `${u.pathname}#${decodeURIComponent(u.hash.slice(1).split(':~:')[0]!)}`; }).get());
  const subs = await page.locator('#search-results .result .sub-results a').evaluateAll((as) => as.map((a) => { const u = new URL((a as HTMLAnchorElement).href); return `${u.pathname}#${decodeURIComponent(u.hash.slice(1))}`; }));
  const sourceSubs = subs.filter((s) => s.startsWith('/sources/'));
  expect(sourceSubs.length).toBeGreaterThan(0);
  for (const s of sourceSubs) expect(cited, s).toContain(s);
});
