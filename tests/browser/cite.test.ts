/**
 * "Cite or share this paragraph": one control on every paragraph of a thesis
 * (its ¶N, numbered in order) and of a source, by mouse, keyboard and touch:
 * copy the link (a visible "Copied", also announced), the paragraph's citation
 * in APA, MLA and Chicago with its number and an access date, each copyable,
 * and the page's own address (this origin, as the reader reads it). Without
 * JavaScript the ¶ links work and "Cite this" is there.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();
const YEAR = String(new Date().getFullYear());

async function dialogText(page: Page): Promise<string> {
  const dialog = page.locator('dialog#cite-share');
  await dialog.waitFor({ state: 'visible' });
  return (await dialog.innerText()).replace(/\s+/g, ' ');
}

describe.each([1280, 390])('at %i px', (width) => {
  test('a thesis: every paragraph has the control, numbered in order; it copies the link and cites the paragraph in three styles', async () => {
    const ctx = await harness.current.context({ viewport: { width, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await ctx.newPage();
    await page.goto('/theses/nato-expansion/');
    const paragraphs = await page.locator('.thesis-body .tpara').count();
    const controls = page.getByRole('button', { name: /^¶\d+ Cite or share this paragraph$/ });
    expect(await controls.count()).toBe(paragraphs);
    // The number shows in the control, in the order the paragraphs appear.
    expect(await controls.evaluateAll((bs) => bs.map((b) => b.firstChild?.textContent))).toEqual(Array.from({ length: paragraphs }, (_, i) => `¶${i + 1}`));
    const third = controls.nth(2);
    const id = await third.evaluate((b) => b.closest('.tpara')!.id);
    await third.click();
    const text = await dialogText(page);
    expect(text).toContain('Cite or share ¶3');
    expect(text).toContain('(Editors of What does Putin want?, 2026, para. 3)'); // APA in text
    expect(text).toContain('par. 3'); // MLA
    expect(text).toMatch(/para\. 3, accessed [A-Z][a-z]+ \d{1,2}, \d{4}, http/); // Chicago note with access date
    expect(text).toContain(`Retrieved `); // APA access date
    expect(text).toContain(`Accessed `); // MLA access date
    expect(text).toContain(YEAR);
    // The paragraph's address is this site's, as read: origin + path + anchor.
    const link = `${new URL(page.url()).origin}/theses/nato-expansion/#${id}`;
    expect(await page.locator('#cite-share-link').inputValue()).toBe(link);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('dialog#cite-share .cs-copied', { hasText: 'Copied' }).first().waitFor({ state: 'visible' });
    await page.locator('#status').filter({ hasText: 'Copied: link to ¶3' }).waitFor({ state: 'attached' });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.getByRole('button', { name: 'Copy Chicago' }).click();
    const chicago = await page.evaluate(() => navigator.clipboard.readText());
    expect(chicago).toContain('para. 3');
    expect(chicago).toContain(link);
    expect(chicago).not.toMatch(/\{n\}|\{url\}|\{origin\}|page-origin\.invalid/);
    // Esc closes it and gives focus back to the control.
    await page.keyboard.press('Escape');
    await page.locator('dialog#cite-share').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('¶3 Cite or share this paragraph');
  });

  test('a source: every article paragraph has the control beside its ¶ link; the citation names the paragraph', async () => {
    const ctx = await harness.current.context({ viewport: { width, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await ctx.newPage();
    await page.goto('/sources/trenin-2021/');
    const numbers = await page.locator('p.para:not(.furniture):not(.comment) > a.pnum', { hasText: /^¶\d+$/ }).count();
    const controls = page.getByRole('button', { name: /^Cite or share this paragraph \(¶\d+\)$/ });
    expect(await controls.count()).toBe(numbers);
    await page.getByRole('button', { name: 'Cite or share this paragraph (¶3)', exact: true }).click();
    const text = await dialogText(page);
    expect(text).toContain('(Trenin, 2021, para. 3)');
    expect(text).toContain('(Trenin, par. 3)');
    expect(text).toMatch(/Trenin.*para\. 3, accessed/);
    await page.getByRole('button', { name: 'Copy APA' }).click();
    const apa = await page.evaluate(() => navigator.clipboard.readText());
    expect(apa).toMatch(/^Trenin, D\. \(2021, December 28\)\./);
    expect(apa).toContain('(Trenin, 2021, para. 3)');
  });
});

test('keyboard: the control opens with Enter, and the dialog takes focus', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/theses/imperial-history/');
  await page.getByRole('button', { name: '¶2 Cite or share this paragraph', exact: true }).focus();
  await page.keyboard.press('Enter');
  await dialogText(page);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('cite-share-link');
});

test('touch: a tap opens the dialog', async () => {
  const page = await (await harness.current.context({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true })).newPage();
  await page.goto('/sources/kottasova-cnn-2025/');
  const control = page.getByRole('button', { name: 'Cite or share this paragraph (¶5)', exact: true });
  await control.scrollIntoViewIfNeeded();
  await control.tap();
  expect(await dialogText(page)).toContain('Cite or share ¶5');
});

test('without JavaScript there is no control: the ¶ links work, and Cite this is still there', async () => {
  const page = await (await harness.current.context({ javaScriptEnabled: false })).newPage();
  await page.goto('/sources/trenin-2021/');
  expect(await page.locator('button.cite-share').count()).toBe(0);
  expect(await page.locator('a.pnum').count()).toBeGreaterThan(0);
  expect(await page.locator('section.cite-this dd').count()).toBe(3);
  await page.goto('/theses/nato-expansion/');
  expect(await page.locator('.thesis-body a.plink').first().textContent()).toBe('¶1');
});
