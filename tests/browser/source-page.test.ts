import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../support/paths.ts';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

test('a paragraph link lands on the paragraph and highlights it', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/sources/kottasova-cnn-2025/');
  const link = page.locator('.para a.pnum', { hasText: '¶19' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^#p-putin-is-an-opportunist-/);
  await link.click();
  const target = page.locator(':target');
  await expect.poll(() => target.getAttribute('id')).toBe(href!.slice(1));
  expect(await target.textContent()).toContain('Putin is an opportunist.');
  const bg = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe('rgba(0, 0, 0, 0)');
  expect(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })).toBe(true);
});

test('reading works with JavaScript off', async () => {
  const page = await (await harness.current.context({ javaScriptEnabled: false })).newPage();
  await page.goto('/sources/trenin-2021/#p-these-are-all-serious-issues-3cd558');
  expect(await page.locator(':target').textContent()).toContain('For him, Ukraine is the last stand.');
  expect(await page.locator('.para:not(.furniture):not(.comment)').count()).toBe(17);
});

test('reader comments are collapsed until the reader opens them', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/sources/trenin-2021/');
  const comment = page.locator('.para.comment').first();
  expect(await comment.isVisible()).toBe(false);
  await page.locator('details.comments > summary').click();
  expect(await comment.isVisible()).toBe(true);
});

test('following a paragraph number also copies its link and says so', async () => {
  const context = await harness.current.context({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto('/sources/israel-2025/');
  const link = page.locator('.para a.pnum', { hasText: '¶12' });
  await link.click();
  await page.locator('#status', { hasText: 'copied' }).waitFor({ state: 'attached' });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${harness.current.server.url}/sources/israel-2025/${await link.getAttribute('href')}`);
});

describe('the source leads, its apparatus follows', () => {
  const ids = readdirSync(join(DIST, 'sources'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(DIST, 'sources', d.name, 'index.html'))).map((d) => d.name);
  test.each(ids)('/sources/%s/: on a phone, the visible text is at most 1.6 × the article text (a short source: its page head and foot), each paragraph followed by at most one closed line', async (id) => {
    const page = await (await harness.current.context({ viewport: { width: 390, height: 800 } })).newPage();
    await page.goto(`/sources/${id}/`);
    const { visible, article, lines } = await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = false;
      // What a reader sees: text for screen readers only (visually hidden) does not count.
      for (const h of document.querySelectorAll<HTMLElement>('.visually-hidden')) h.style.display = 'none';
      const main = document.querySelector('main')!;
      const paras = [...document.querySelectorAll('.para:not(.furniture):not(.comment)')];
      return {
        visible: main.innerText.length,
        article: paras.reduce((n, p) => n + (p.querySelector('.ptext')?.textContent?.length ?? 0), 0),
        // What follows each article paragraph before the next block: at most one line of apparatus.
        lines: paras.map((p) => {
          const next = p.nextElementSibling;
          // Lines it takes on the screen, closed: its height over its line height.
          if (!next?.matches('details.para-notes')) return 0;
          const box = (next as HTMLElement).getBoundingClientRect().height;
          return Math.round(box / parseFloat(getComputedStyle(next).lineHeight));
        }),
      };
    });
    expect(article).toBeGreaterThan(0);
    // 1.6 × the article text; a short source may carry the page's fixed head and foot (title, where the original is,
    // "About this copy", "Cite this": about 2,000 characters) beyond that.
    expect(visible).toBeLessThanOrEqual(Math.max(1.6 * article, article + 2_000));
    for (const n of lines) expect(n).toBeLessThanOrEqual(1);
  });
});
