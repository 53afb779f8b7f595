import { expect, test } from 'vitest';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

const PAGES = ['/', '/theses/post-soviet-borders/', '/sources/trenin-2021/', '/sources/', '/search/?q=NATO', '/sources/cnn-retelling-2025/compare/'];

test.each(PAGES)('%s fits a 320 px wide screen without sideways scrolling', async (path) => {
  const page = await (await harness.current.context({ viewport: { width: 320, height: 640 } })).newPage();
  await page.goto(path);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the first Tab reaches a skip link that moves focus to the content', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/sources/trenin-2021/');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(ring).not.toBe('none');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
});

test('keyboard focus on a link shows a visible ring', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/sources/');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(style.style).toBe('solid');
  expect(style.width).toBeGreaterThanOrEqual(2);
});

test('dark mode follows the system setting', async () => {
  const colour = async (scheme: 'light' | 'dark') => {
    const page = await (await harness.current.context({ colorScheme: scheme })).newPage();
    await page.goto('/');
    return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  };
  const [light, dark] = [await colour('light'), await colour('dark')];
  expect(light).not.toBe(dark);
  const luminance = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).reduce((n, v) => n + Number(v), 0);
  expect(luminance(dark)).toBeLessThan(luminance(light));
});

test('printing a thesis hides the site chrome and prints each citation as a short reference, not its URL', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/theses/nato-expansion/');
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.site-header').isVisible()).toBe(false);
  const marker = page.locator('.thesis-body a.cite').first();
  const after = await marker.evaluate((el) => getComputedStyle(el, '::after').content);
  expect(after).toBe('"]"');
  expect(await marker.evaluate((el) => `${getComputedStyle(el, '::before').content}${el.textContent}`)).toMatch(/^"\["\S.* ¶\d+$/);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});
