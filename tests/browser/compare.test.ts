/** The compare view in Chromium: layout at wide and narrow widths, links landing on rows, accessible ins/del. */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useHarness } from '../support/use-harness.ts';
import { DIST } from '../support/paths.ts';
import type { AlignmentRecord } from '../../src/models/alignment-data.ts';

const harness = useHarness();
const [record] = JSON.parse(readFileSync(join(DIST, 'data', 'alignments.json'), 'utf8')) as AlignmentRecord[];
const COMPARE = `/sources/${record!.derivative}/compare/`;
/** The first pair with an original: both columns have text. */
const pair = record!.pairs.find((p) => p.original.length > 0)!;

const boxes = async (width: number) => {
  const page = await (await harness.current.context({ viewport: { width, height: 800 } })).newPage();
  await page.goto(COMPARE);
  const row = page.locator(`[id="row-${pair.derivative}"]`);
  const left = (await row.locator('.compare-original').boundingBox())!;
  const right = (await row.locator('.compare-derivative').boundingBox())!;
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  return { left, right, overflow };
};

test('side by side on a wide screen, stacked on a narrow one, never scrolling sideways', async () => {
  const wide = await boxes(1280);
  expect(Math.abs(wide.left.y - wide.right.y)).toBeLessThan(2);
  expect(wide.right.x).toBeGreaterThanOrEqual(wide.left.x + wide.left.width);
  expect(wide.overflow).toBeLessThanOrEqual(0);
  const narrow = await boxes(320);
  expect(narrow.right.y).toBeGreaterThanOrEqual(narrow.left.y + narrow.left.height);
  expect(narrow.overflow).toBeLessThanOrEqual(0);
});

test('a derivative paragraph’s “compare” link lands on its row, highlighted and in view', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto(`/sources/${record!.derivative}/`);
  await page.locator(`[id="${pair.derivative}"] + details.para-notes > summary`).click();
  await page.locator(`[id="${pair.derivative}"] + details.para-notes .provenance a`, { hasText: 'compare' }).click();
  await page.waitForURL(`**${COMPARE}#row-${pair.derivative}`);
  await page.waitForLoadState('load');
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`row-${pair.derivative}`);
  const target = page.locator(':target');
  expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  expect(
    await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight;
    }),
  ).toBe(true);
});

test('a derivative paragraph’s link to its original lands on the original paragraph', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto(`/sources/${record!.derivative}/`);
  await page.locator(`[id="${pair.derivative}"] + details.para-notes > summary`).click();
  await page.locator(`[id="${pair.derivative}"] + details.para-notes .provenance a`).first().click();
  await page.waitForURL(`**/sources/${record!.original}/#${pair.original[0]}`);
  await page.waitForLoadState('load');
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(pair.original[0]);
});

test('insertions and deletions differ by more than colour and announce themselves', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto(COMPARE);
  const style = (sel: string) =>
    page
      .locator(sel)
      .first()
      .evaluate((el) => ({
        line: getComputedStyle(el).textDecorationLine,
        before: getComputedStyle(el, '::before').content,
        beforeWidth: getComputedStyle(el, '::before').width,
      }));
  const ins = await style('.compare-derivative ins');
  const del = await style('.compare-original del');
  expect(ins.line).toBe('underline');
  expect(del.line).toBe('line-through');
  expect(ins.before).toContain('inserted');
  expect(del.before).toContain('deleted');
  // The announcements are for screen readers: not visible.
  expect(ins.beforeWidth).toBe('1px');
});

test('the compare view reads without JavaScript', async () => {
  const page = await (await harness.current.context({ javaScriptEnabled: false })).newPage();
  await page.goto(`${COMPARE}#row-${pair.derivative}`);
  expect(await page.locator('li.compare-row').count()).toBe(record!.pairs.length + record!.dropped.length);
  expect(await page.locator(':target .compare-derivative').isVisible()).toBe(true);
});
