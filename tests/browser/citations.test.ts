import { expect, test } from 'vitest';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

test('clicking a citation lands on the cited paragraph, highlighted', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/theses/nato-expansion/');
  const marker = page.locator('main a.cite').first();
  const href = (await marker.getAttribute('href'))!;
  await marker.click();
  await page.waitForURL((u) => u.pathname + u.hash === href);
  const target = page.locator(':target');
  expect(await target.getAttribute('id')).toBe(href.split('#')[1]);
  expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  expect(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })).toBe(true);
});

test('the preview opens on keyboard focus, is announced, and closes on Esc', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/theses/imperial-history/');
  const marker = page.locator('main a.cite').first();
  await marker.focus();
  const tip = page.locator('#cite-preview');
  await tip.waitFor({ state: 'visible' });
  expect(await marker.getAttribute('aria-describedby')).toBe('cite-preview');
  expect(await tip.getAttribute('role')).toBe('tooltip');
  const evidenceId = (await marker.getAttribute('data-preview'))!;
  const evidence = (await page.locator(`[id="${evidenceId}"] blockquote`).textContent())!.trim();
  expect((await tip.textContent())!).toContain(evidence.slice(0, 60));
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  expect(await marker.getAttribute('aria-describedby')).toBeNull();
  expect(await page.evaluate(() => document.activeElement?.classList.contains('cite'))).toBe(true);
});

test('the preview opens on hover too', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/theses/opportunism-toward-trump/');
  await page.locator('main a.cite').nth(2).hover();
  await page.locator('#cite-preview').waitFor({ state: 'visible' });
});

test('without JavaScript a citation is still a working link', async () => {
  const page = await (await harness.current.context({ javaScriptEnabled: false })).newPage();
  await page.goto('/theses/post-soviet-borders/');
  const href = (await page.locator('main a.cite').first().getAttribute('href'))!;
  await page.locator('main a.cite').first().click();
  await page.waitForURL((u) => u.pathname + u.hash === href);
  expect(await page.locator(':target').count()).toBe(1);
});

test('a cited source paragraph lists the citing thesis and links back to the citing spot', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/theses/nato-expansion/');
  const marker = page.locator('main a.cite').first();
  const [markerId, href] = [await marker.getAttribute('id'), (await marker.getAttribute('href'))!];
  await page.goto(href);
  const back = page.locator(':target .cited-in a', { hasText: 'NATO expansion' });
  expect(await back.count()).toBeGreaterThan(0);
  await back.first().click();
  await page.waitForURL(/\/theses\/nato-expansion\/#cite-\d+$/);
  expect(await page.locator(':target').getAttribute('class')).toContain('cite');
  expect(new URL(page.url()).hash).toBe(`#${markerId}`);
});
