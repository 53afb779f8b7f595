import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { useHarness } from '../support/use-harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const harness = useHarness();

/** The CSS label of a marked passage as it is currently rendered: its ::after content and whether it shows. */
const after = (l: Locator) =>
  l.evaluate((el) => {
    const s = getComputedStyle(el, '::after');
    return { content: s.content, shown: s.content !== 'none' && s.content !== 'normal' && s.display !== 'none' && s.visibility !== 'hidden' };
  });

async function sourcePage(opts: Parameters<Harness['context']>[0] = {}): Promise<Page> {
  const page = await (await harness.current.context(opts)).newPage();
  await page.goto('/sources/kottasova-cnn-2025/');
  return page;
}
type Harness = (typeof harness)['current'];

test('hovering a marked quotation shows who speaks; moving away hides it', async () => {
  const page = await sourcePage();
  const quote = page.locator('.ptext .speech.direct[data-speaker="Mark Galeotti"]').first();
  expect((await after(quote)).shown).toBe(false);
  await quote.hover();
  const shown = await after(quote);
  expect(shown.shown).toBe(true);
  expect(shown.content).toContain('Quotation: Mark Galeotti');
  // The label is drawn, not just computed: it has a box below the quotation.
  await page.mouse.move(0, 0);
  expect((await after(quote)).shown).toBe(false);
});

test('focusing a marked passage with the keyboard shows who speaks and describes it to screen readers', async () => {
  const page = await sourcePage();
  const first = page.locator('.ptext .speech').first();
  await page.locator('.para .pnum').first().focus();
  // Tab from the paragraph link of the first paragraph with a mark reaches the mark.
  const para = first.locator('xpath=ancestor::*[contains(@class,"para")][1]');
  await para.locator('.pnum').focus();
  await page.keyboard.press('Tab');
  expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
  const label = await after(first);
  expect(label.shown).toBe(true);
  expect(label.content).toContain(await first.getAttribute('data-label'));
  const described = await first.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
  expect(described).toBe(await first.getAttribute('data-label'));
  expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});

test('in print every marked passage is followed by its speaker, and the paragraph text is unchanged', async () => {
  const page = await sourcePage();
  await page.emulateMedia({ media: 'print' });
  const marks = page.locator('.ptext .speech');
  const n = await marks.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i += Math.ceil(n / 8)) {
    const m = marks.nth(i);
    const label = await after(m);
    expect(label.shown).toBe(true);
    expect(label.content).toContain(await m.getAttribute('data-label'));
    // Laid out in the line, after the passage (not a floating box).
    expect(await m.evaluate((el) => getComputedStyle(el, '::after').position)).toBe('static');
  }
  await page.emulateMedia({ media: 'screen' });
  expect((await after(marks.first())).shown).toBe(false);
});

test('reading needs no JavaScript: with it off, hover still shows the speaker', async () => {
  const page = await sourcePage({ javaScriptEnabled: false });
  const quote = page.locator('.ptext .speech').first();
  await quote.hover();
  expect((await after(quote)).shown).toBe(true);
});

test('a person page entry links to its paragraph, which is there', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/people/');
  await page.locator('.people-list a', { hasText: 'Mark Galeotti' }).click();
  await page.waitForURL('**/people/mark-galeotti/');
  const entry = page.locator('li.statement').first();
  const id = await entry.getAttribute('id');
  await entry.locator(`a[href="#${id}"]`).click();
  expect(await page.locator(':target').getAttribute('id')).toBe(id);
  await entry.locator('.statement-meta a').first().click();
  await page.waitForURL(/\/sources\/[^/]+\/#p-/);
  expect(await page.locator(':target .speech[data-speaker="Mark Galeotti"]').count()).toBeGreaterThan(0);
});

async function search(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await page.locator('#search-status').filter({ hasText: /match|No results/ }).waitFor();
  return page.locator('#search-results a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('search finds a person page under the Person kind', async () => {
  const page = await (await harness.current.context()).newPage();
  const paths = await search(page, '/search/?q=Galeotti&kind=Person');
  expect(paths).toContain('/people/mark-galeotti/');
  expect(paths.every((p) => p.startsWith('/people/'))).toBe(true);
});

test('speaker labels are not indexed: the indexed text of a source page is its paragraph text alone', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/search/');
  // A string, so that vitest does not rewrite the dynamic import.
  const content = (await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search('Galeotti');
    const data = await Promise.all(found.results.map((r) => r.data()));
    return data.filter((d) => d.url.startsWith('/sources/kottasova-cnn-2025/')).map((d) => d.content);
  })()`)) as string[];
  expect(content.length).toBe(1);
  expect(content[0]).toContain('Putin is an opportunist.');
  expect(content[0]).not.toMatch(/Quotation:|Reported speech:|Who speaks/);
});

describe.each(['light', 'dark'] as const)('%s colour scheme', (scheme) => {
  test.each([
    ['people index', '/people/'],
    ['a person', '/people/vladimir-putin/'],
  ])('%s page has no axe violations', async (_, path) => {
    const page = await (await harness.current.context({ colorScheme: scheme, bypassCSP: true })).newPage();
    await page.goto(path);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  test('a focused quotation’s label has no axe violations (contrast of the label box)', async () => {
    const page = await (await harness.current.context({ colorScheme: scheme, bypassCSP: true })).newPage();
    await page.goto('/sources/kottasova-cnn-2025/');
    await page.locator('.ptext .speech').first().focus();
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(c: string): Promise<{ violations: { id: string }[] }> } }).axe.run('main');
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });
});
