/** /timeline/ in Chromium: layout at 1280 and 390 px, a filter, landing on a cited paragraph; a thesis's short timeline. */
import { expect, test } from 'vitest';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

test.each([
  [1280, 900],
  [390, 844],
])('at %i px the timeline reads without sideways scrolling; dates beside the events on wide screens, above on narrow', async (width, height) => {
  const page = await (await harness.current.context({ viewport: { width, height } })).newPage();
  await page.goto('/timeline/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const entry = page.locator('li.tl-entry').filter({ hasText: 'Putin comes to power' });
  const date = await entry.locator('.tl-date').boundingBox();
  const body = await entry.locator('.tl-body').boundingBox();
  if (width >= 1000) expect(body!.x).toBeGreaterThan(date!.x + date!.width - 1);
  else expect(body!.y).toBeGreaterThanOrEqual(date!.y + date!.height - 1);
  await expect.poll(() => page.locator('#tl-filters').isVisible()).toBe(true);
});

test('the source filter hides the other entries and is kept in the URL', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/timeline/');
  const all = await page.locator('li.tl-entry').count();
  await page.selectOption('#tl-filters select[name="source"]', 'trenin-2021');
  const visible = page.locator('li.tl-entry:visible');
  const n = await visible.count();
  expect(n).toBeGreaterThan(3);
  expect(n).toBeLessThan(all);
  for (const s of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.s ?? ''))) expect(s.split(' ')).toContain('trenin-2021');
  expect(new URL(page.url()).searchParams.get('source')).toBe('trenin-2021');
  expect(await page.locator('#tl-count').textContent()).toMatch(new RegExp(`^${n} of ${all} entries`));
  // The same URL opens filtered.
  await page.goto('/timeline/?thesis=nato-expansion');
  const shown = await page.locator('li.tl-entry:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.t ?? ''));
  expect(shown.length).toBeGreaterThan(0);
  for (const t of shown) expect(t.split(' ')).toContain('nato-expansion');
});

test('without JavaScript every entry shows and the filter form stays hidden', async () => {
  const page = await (await harness.current.context({ javaScriptEnabled: false })).newPage();
  await page.goto('/timeline/?source=trenin-2021');
  expect(await page.locator('#tl-filters').isVisible()).toBe(false);
  expect(await page.locator('li.tl-entry:visible').count()).toBe(await page.locator('li.tl-entry').count());
});

test("following an entry's link lands on the source paragraph with its words highlighted", async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/timeline/');
  const link = page.locator('li.tl-entry').filter({ hasText: 'Putin comes to power' }).locator('.tl-cite a').first();
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/sources\/kottasova-cnn-2025\/#p-[^:]+:~:text=/);
  await link.click();
  await page.waitForURL(/\/sources\/kottasova-cnn-2025\//);
  const id = /#([^:]+)/.exec(href)![1]!;
  // Chromium matched the text directive: the :target is the element holding the words, inside the paragraph, in view.
  const landed = await page.waitForFunction(
    (id) => {
      const t = document.querySelector(':target');
      if (!t || t.closest('.para')?.id !== id) return null;
      const r = t.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    },
    id,
    { timeout: 5000 },
  );
  expect(await landed.jsonValue()).toBe(true);
  expect(await page.locator(`[id="${id}"]`).textContent()).toContain('from 2000, when Putin became president');
});

test('a thesis page shows its short timeline collapsed; opening it leads to the timeline entry', async () => {
  const page = await (await harness.current.context({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto('/theses/post-soviet-borders/');
  const details = page.locator('details.tl-short');
  expect(await details.getAttribute('open')).toBeNull();
  expect(await details.locator('li').first().isVisible()).toBe(false);
  await details.locator('summary').click();
  const first = details.locator('li a').first();
  expect(await first.isVisible()).toBe(true);
  const count = await details.locator('li').count();
  expect(count).toBeLessThanOrEqual(8);
  const href = (await first.getAttribute('href'))!;
  await first.click();
  await page.waitForURL(/\/timeline\/#/);
  const id = decodeURIComponent(href.split('#')[1]!);
  await expect.poll(() => page.locator(`[id="${id}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
});

test("a date in a thesis's words leads to its timeline entry", async () => {
  const page = await (await harness.current.context({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto('/theses/post-soviet-borders/');
  const link = page.locator('a.date-ref[href^="/timeline/#e-"]').first();
  const href = (await link.getAttribute('href'))!;
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await page.waitForURL(/\/timeline\/#/);
  const id = decodeURIComponent(href.split('#')[1]!);
  await expect.poll(() => page.locator(`[id="${id}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
  const box = await page.locator(`[id="${id}"]`).boundingBox();
  expect(box!.y).toBeLessThan(844);
});
