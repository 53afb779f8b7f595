/**
 * Per-paragraph citation on a source page: with JavaScript, each ¶ number has a
 * "cite" button that copies the paragraph's citation (Chicago note, "para. N",
 * the paragraph's own link); without JavaScript there is no button and the
 * "Cite this" section is still there.
 */
import { expect, test } from 'vitest';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

test('"cite" beside ¶3 copies a citation of paragraph 3 with its link', async () => {
  const ctx = await harness.current.context({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  await page.goto('/sources/trenin-2021/');
  const para = page.locator('p.para', { has: page.locator('a.pnum', { hasText: /^¶3$/ }) });
  const id = await para.getAttribute('id');
  await para.locator('button.cite-copy').click();
  await page.locator('#status').filter({ hasText: 'Citation of ¶3 copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Trenin');
  expect(copied).toContain('para. 3');
  expect(copied).toContain(`/sources/trenin-2021/#${id}`);
  expect(copied).not.toMatch(/\{n\}|\{url\}/);
  // Only article paragraphs get one: as many buttons as ¶ numbers.
  expect(await page.locator('button.cite-copy').count()).toBe(await page.locator('a.pnum', { hasText: /^¶\d+$/ }).count());
});

test('without JavaScript there is no cite button, and Cite this is still there', async () => {
  const page = await (await harness.current.context({ javaScriptEnabled: false })).newPage();
  await page.goto('/sources/trenin-2021/');
  expect(await page.locator('button.cite-copy').count()).toBe(0);
  expect(await page.locator('section.cite-this dd').count()).toBe(3);
});
