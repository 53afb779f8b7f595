import { expect, test } from 'vitest';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

test('clicking a citation lands on the cited paragraph, highlighted', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/theses/nato-expansion/');
  const marker = page.locator('main a.cite').first();
  const href = (await marker.getAttribute('href'))!;
  const [path, fragment] = href.split('#') as [string, string];
  const id = fragment.split(':~:')[0]!;
  await marker.click();
  // The link's text directive is stripped from the URL; the browser makes the quoted words' element the :target.
  await page.waitForURL((u) => u.pathname === path);
  const target = page.locator(`[id="${id}"]`);
  await page.waitForFunction((id) => document.querySelector(':target')?.closest('.para')?.id === id, id);
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
  // The preview shows the cited paragraph as its source page prints it (fetched on first use).
  const href = new URL((await marker.getAttribute('href'))!, 'http://x');
  const source = await (await harness.current.context()).newPage();
  await source.goto(href.pathname);
  const paragraph = (await source.locator(`[id="${href.hash.slice(1).split(':~:')[0]}"] .ptext`).textContent())!.trim();
  await page.waitForFunction((start) => document.getElementById('cite-preview')?.textContent?.includes(start), paragraph.slice(0, 60));
  expect((await tip.textContent())!).toContain(paragraph.slice(0, 60));
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

test('a cited source paragraph shows the citing sentence, linking back to its thesis paragraph', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/theses/nato-expansion/');
  const marker = page.locator('main .tpara a.cite').first();
  const paragraph = await marker.evaluate((el) => el.closest('.tpara')!.id);
  const href = (await marker.getAttribute('href'))!;
  await page.goto(href);
  const anchor = href.split('#')[1]!.split(':~:')[0]!;
  // The source leads: the citing sentences are one closed line under the paragraph, opened on demand.
  await page.locator(`[id="${anchor}"] + details.para-notes > summary`).click();
  const back = page.locator(`[id="${anchor}"] + details.para-notes .cited-in a[href="/theses/nato-expansion/#${paragraph}"]`);
  expect(await back.count()).toBeGreaterThan(0);
  const sentence = (await back.first().textContent())!.trim();
  // Keyboard activation (a sentence link may wrap over lines, so its box's centre can be another element).
  await back.first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/theses/nato-expansion/' && u.hash === `#${paragraph}`);
  const target = page.locator(':target');
  expect(await target.getAttribute('class')).toContain('tpara');
  // The paragraph's own words (citation markers and permalink aside) hold the sentence.
  const words = await target.evaluate((el) => {
    const c = el.cloneNode(true) as HTMLElement;
    c.querySelectorAll('a.cite, .plink').forEach((n) => n.remove());
    return c.textContent ?? '';
  });
  const tidy = (t: string) => t.replace(/\s+/g, ' ').replace(/ ([,;:.!?])/g, '$1'); // no space where a marker stood
  expect(tidy(words)).toContain(tidy(sentence));
});

test('a citation link carries a text fragment: Chromium scrolls to the quoted words, which lie in the cited paragraph', async () => {
  const page = await (await harness.current.context({ viewport: { width: 800, height: 500 } })).newPage();
  await page.goto('/theses/imperial-history/');
  const quotes = await page.locator('main q[cite]').evaluateAll((qs) =>
    // Each quotation's own marker: the link right after it (a paragraph may cite the same source paragraph twice).
    qs.map((q) => {
      const next = q.nextElementSibling;
      const own = next?.matches(`a.cite[href^="${q.getAttribute('cite')}:~:"]`) ? next : null;
      return { words: q.textContent ?? '', href: own?.getAttribute('href') };
    }),
  );
  const checked = quotes.filter((q) => q.href).slice(0, 4);
  expect(checked.length).toBeGreaterThan(0);
  for (const { words, href } of checked) {
    expect(href).toMatch(/#p-[a-z0-9-]+:~:text=/);
    await page.goto('/theses/imperial-history/');
    await page.locator(`main a.cite[href="${href}"]`).first().click();
    await page.waitForURL((u) => u.pathname === new URL(href!, 'http://x').pathname);
    // Chromium has matched the text directive: the :target is the element holding the quoted words
    // inside the paragraph's text (with only the #id it would be the paragraph itself), and the
    // words are scrolled into view.
    const id = decodeURIComponent(new URL(href!, 'http://x').hash.slice(1).split(':~:')[0]!);
    const landed = await page.waitForFunction(
      ({ words, id }) => {
        const t = document.querySelector(':target');
        if (!t || t.id === id || !t.closest('.ptext') || t.closest('.para')?.id !== id) return null;
        const flat = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();
        if (!flat(t.textContent ?? '').includes(flat(words))) return null;
        const r = t.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      },
      { words, id },
      { timeout: 5000 },
    );
    expect(await landed.jsonValue()).toBe(true);
    expect(await page.locator(`[id="${id}"]`).evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  }
});

test.each([1280, 390])('at %i px the preview marks the quoted words inside the cited paragraph', async (width) => {
  const page = await (await harness.current.context({ viewport: { width, height: 800 } })).newPage();
  await page.goto('/theses/nato-expansion/');
  // A quotation's own marker (the link right after it).
  const { words, index } = await page.evaluate(() => {
    const markers = [...document.querySelectorAll('.thesis-body a.cite')];
    const i = markers.findIndex((a) => a.previousElementSibling?.tagName === 'Q' && (a.getAttribute('href') ?? '').includes(':~:text='));
    return { words: markers[i]!.previousElementSibling!.textContent ?? '', index: i };
  });
  await page.locator('.thesis-body a.cite').nth(index).focus();
  const mark = page.locator('#cite-preview mark');
  await mark.waitFor({ state: 'visible' });
  const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();
  expect(flat((await mark.textContent())!)).toBe(flat(words));
});

test.each([1280, 390])('at %i px the preview stays inside the window, for a marker at the bottom of the screen too', async (width) => {
  const page = await (await harness.current.context({ viewport: { width, height: 700 } })).newPage();
  await page.goto('/theses/post-soviet-borders/');
  const marker = page.locator('.thesis-body a.cite').nth(12);
  // Put the marker on the window's last line.
  await marker.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 4));
  await marker.focus();
  const tip = page.locator('#cite-preview');
  await page.waitForFunction(() => (document.querySelector('#cite-preview p')?.textContent ?? '…') !== '…');
  const box = await tip.evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; });
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(700);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(width);
});

test('on a touch screen the first tap opens the preview and the second follows the link', async () => {
  const page = await (await harness.current.context({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true })).newPage();
  await page.goto('/theses/imperial-history/');
  const marker = page.locator('.thesis-body a.cite').nth(3);
  const href = new URL((await marker.getAttribute('href'))!, 'http://x');
  await marker.scrollIntoViewIfNeeded();
  await marker.tap();
  await page.locator('#cite-preview').waitFor({ state: 'visible' });
  await page.waitForTimeout(500); // a followed link would have left the page by now
  expect(new URL(page.url()).pathname).toBe('/theses/imperial-history/');
  await marker.tap();
  await page.waitForURL((u) => u.pathname === href.pathname);
});
