/**
 * A thesis page as a reader takes it in, in Chromium at 1280 and 390 px:
 * the answer first ("In brief", cited, short), positions at a glance, a
 * contents nav that links every section, previous/next, byline and dates,
 * a bounded height, a print-out within its page budget with short
 * references and no raw addresses; and the home page's matrix without
 * mid-word breaks. Every thesis the build made is checked (none is named).
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useHarness } from '../support/use-harness.ts';
import { DIST } from '../support/paths.ts';
import { IN_BRIEF_MAX_WORDS, MEASURE_CHARS, THESIS_MAX_HEIGHT_PX, THESIS_MAX_PRINT_PAGES } from '../support/reader-budgets.ts';

const harness = useHarness();
const SLUGS = readdirSync(join(DIST, 'theses')).filter((f) => existsSync(join(DIST, 'theses', f, 'index.html'))).sort();
const WIDTHS = [1280, 390] as const;

async function open(path: string, width: number): Promise<Page> {
  const page = await (await harness.current.context({ viewport: { width, height: 900 } })).newPage();
  await page.goto(path, { waitUntil: 'networkidle' });
  return page;
}

/** Words as a reader sees them: citation markers and ¶ permalinks left out. */
const WORDS = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

test('there are thesis pages to check', () => {
  expect(SLUGS.length).toBeGreaterThan(0);
});

describe.each(SLUGS)('/theses/%s/', (slug) => {
  const path = `/theses/${slug}/`;

  test.each(WIDTHS)('at %i px: the answer comes first, short and cited, then the positions at a glance', async (width) => {
    const page = await open(path, width);
    const brief = await page.evaluate(() => {
      const h = document.getElementById('in-brief')!;
      const firstHeading = document.querySelector('.thesis-body h2');
      const paragraphs: { text: string; markers: number; sentences: string[] }[] = [];
      for (let el = h.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling) {
        if (el.tagName !== 'P') continue;
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('a.cite, .plink').forEach((a) => a.remove());
        // Sentences with their markers: a marker after a sentence's full stop belongs to that sentence.
        const bare = el.cloneNode(true) as HTMLElement;
        bare.querySelectorAll('.plink').forEach((a) => a.remove());
        const html = bare.innerHTML;
        const parts = html.split(/(?<=[.!?][”’"]?)\s+(?=[A-Z“‘"])/);
        paragraphs.push({ text: copy.textContent ?? '', markers: el.querySelectorAll('a.cite').length, sentences: parts });
      }
      const top = h.getBoundingClientRect().top + scrollY;
      return { isFirst: firstHeading === h, top, paragraphs };
    });
    expect(brief.isFirst).toBe(true);
    expect(brief.top).toBeLessThan(width === 1280 ? 600 : 900); // visible without scrolling far
    expect(brief.paragraphs.length).toBeGreaterThan(0);
    const words = brief.paragraphs.reduce((n, p) => n + (p.text.match(WORDS) ?? []).length, 0);
    expect(words).toBeGreaterThan(10);
    expect(words).toBeLessThanOrEqual(IN_BRIEF_MAX_WORDS);
    for (const p of brief.paragraphs) for (const s of p.sentences) expect(s, `a sentence of In brief without a citation: ${s}`).toContain('class="cite');

    const rows = await page.$$eval('#at-a-glance tbody tr', (trs) =>
      trs.map((tr) => ({
        cells: tr.querySelectorAll('th, td').length,
        who: tr.querySelector('th')?.textContent ?? '',
        when: tr.querySelector('.when')?.textContent ?? '',
        kind: tr.querySelector('.kind')?.textContent ?? '',
        position: tr.querySelector('.position')?.textContent ?? '',
        keys: [...tr.querySelectorAll('.keys a.cite')].map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''),
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.cells).toBe(5);
      expect(r.who.trim()).not.toBe('');
      expect(r.when.trim()).not.toBe('');
      expect(r.kind.trim()).not.toBe('');
      expect((r.position.match(WORDS) ?? []).length).toBeGreaterThan(2);
      expect((r.position.match(WORDS) ?? []).length).toBeLessThanOrEqual(25);
      expect(r.keys.length).toBeGreaterThan(0);
      for (const href of r.keys) expect(href).toMatch(/\/sources\/[a-z0-9-]+\/#p-/);
    }
  });

  test.each(WIDTHS)('at %i px: a contents nav links every section, and previous/next lead through the theses', async (width) => {
    const page = await open(path, width);
    const { sections, links, open: isOpen, visible, beside } = await page.evaluate(() => {
      const nav = document.querySelector('nav[aria-label="Contents"]')!;
      const details = nav.querySelector('details')!;
      const body = document.querySelector('.thesis-body')!.getBoundingClientRect();
      const box = nav.getBoundingClientRect();
      return {
        sections: [...document.querySelectorAll('.thesis-body h2[id], .thesis-end h2[id]')].map((h) => h.id),
        links: [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        open: details.open,
        visible: box.height > 0,
        beside: box.right <= body.left && box.top < body.bottom,
      };
    });
    expect(visible).toBe(true);
    for (const id of sections) expect(links, `no contents link to #${id}`).toContain(`#${id}`);
    for (const href of links) expect(await page.locator(`[id="${href!.slice(1)}"]`).count(), `${href} has no target`).toBe(1);
    if (width === 1280) {
      expect(isOpen).toBe(true);
      expect(beside).toBe(true);
      // It stays in view while the reader scrolls.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      const top = await page.evaluate(() => document.querySelector('nav[aria-label="Contents"]')!.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(100);
    } else {
      expect(isOpen).toBe(false); // one line at the top; the text is not pushed down a screen
      await page.click('nav[aria-label="Contents"] summary');
      expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>('nav[aria-label="Contents"] details')!.open)).toBe(true);
    }
    const pager = await page.$$eval('nav[aria-label="Previous and next thesis"] a', (as) => as.map((a) => ({ rel: a.getAttribute('rel'), href: a.getAttribute('href') })));
    const i = SLUGS.length; // order is the home page's; every page but one has a next, every page but one a previous
    expect(pager.length).toBeGreaterThan(i > 1 ? 0 : -1);
    for (const p of pager) expect(p.href).toMatch(/^\/theses\/[a-z0-9-]+\/$/);
    expect(await page.locator('a[href="#title"]', { hasText: 'Back to top' }).count()).toBe(1);
  });

  test('byline, dates, reading time and what changed', async () => {
    const page = await open(path, 1280);
    const byline = (await page.textContent('.byline'))!.replace(/\s+/g, ' ');
    expect(byline).toMatch(/^By the editors of /);
    expect(byline).toMatch(/First published \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(byline).toMatch(/\d+ min read/);
    const changes = await page.$$eval('#changes ~ ol li, #changes + ol li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}: \S/);
    const first = await page.getAttribute('.byline time', 'datetime');
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // "Cite this" names the editors and the version.
    const cite = (await page.textContent('.cite-this'))!;
    expect(cite).toMatch(/[Ee]ditors of What does Putin want\?/);
    expect(cite).toMatch(/version of \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  test('at 1280 × 900 the page is at most the height budget with every disclosure closed; prose keeps a comfortable measure', async () => {
    const page = await open(path, 1280);
    const { height, perLine } = await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = false;
      // Characters per line of the longest prose paragraph (its text over its line boxes).
      const ps = [...document.querySelectorAll<HTMLElement>('.thesis-body > p')].sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0));
      const p = ps[0]!;
      const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
      return { height: document.documentElement.scrollHeight, perLine: (p.textContent?.length ?? 0) / Math.max(1, lines - 0.5) };
    });
    expect(height).toBeLessThanOrEqual(THESIS_MAX_HEIGHT_PX);
    expect(perLine).toBeGreaterThanOrEqual(MEASURE_CHARS[0]);
    expect(perLine).toBeLessThanOrEqual(MEASURE_CHARS[1]);
  });

  test('printed on A4 with 2 cm margins: within the page budget, short references, no raw URL, title, address and date', async () => {
    const page = await open(path, 1280);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (el: Element) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null;
      const marker = document.querySelector('.thesis-body a.cite')!;
      return {
        after: getComputedStyle(marker, '::after').content,
        before: getComputedStyle(marker, '::before').content,
        head: document.querySelector('.print-only')?.textContent ?? '',
        headShown: shown(document.querySelector('.print-only')!),
        navShown: [...document.querySelectorAll('nav, .site-header, .cite-preview')].some(shown),
        text: document.body.innerText,
      };
    });
    expect(printed.before).toBe('"["');
    expect(printed.after).toBe('"]"');
    expect(printed.headShown).toBe(true);
    expect(printed.head).toContain('What does Putin want?');
    expect(printed.head).toContain(`/theses/${slug}/`);
    expect(printed.head).toMatch(/version of \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(printed.navShown).toBe(false);
    expect(printed.text).not.toMatch(/https?:\/\/|:~:text=|%20/);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(THESIS_MAX_PRINT_PAGES);
  });
});

test('keyboard: a skip link reaches the contents, and a section is reached without tabbing through every marker', async () => {
  const page = await open(`/theses/${SLUGS[0]}/`, 1280);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to contents');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'));
  expect(first).toBe('Contents');
  // Follow the contents link of the last section of the text; the next Tab lands inside that section.
  const target = await page.evaluate(() => [...document.querySelectorAll('nav[aria-label="Contents"] > details > ol > li > a')].map((a) => a.getAttribute('href')).filter((h) => document.querySelector(`.thesis-body ${h}`)).at(-1)!);
  await page.focus(`nav[aria-label="Contents"] a[href="${target}"]`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const after = await page.evaluate((id) => {
    const heading = document.querySelector(id)!;
    const active = document.activeElement!;
    return Boolean(heading.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, target);
  expect(after).toBe(true);
  const markersBefore = await page.evaluate((id) => [...document.querySelectorAll('a.cite')].filter((a) => a.compareDocumentPosition(document.querySelector(id)!) & Node.DOCUMENT_POSITION_FOLLOWING).length, target);
  expect(markersBefore).toBeGreaterThan(0); // markers were skipped, not tabbed through
});

describe('home page', () => {
  test.each([320, 390, 1280])('at %i px the matrix breaks no name or title mid-word', async (width) => {
    const page = await open('/', width);
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const cell of document.querySelectorAll('.matrix th, .matrix td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode as Text;
          for (const m of (node.nodeValue ?? '').matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1 && (cell as HTMLElement).offsetParent !== null) out.push(m[0]);
          }
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
  });

  test('the question, a short cited answer, the theses; titles as printed', async () => {
    const page = await open('/', 1280);
    expect(await page.textContent('h1')).toBe('What does Putin want?');
    const answer = await page.evaluate(() => {
      const el = document.querySelector('.answer')!;
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('a.cite, h2').forEach((a) => a.remove());
      return { text: copy.textContent ?? '', markers: el.querySelectorAll('a.cite').length };
    });
    const words = (answer.text.match(WORDS) ?? []).length;
    expect(words).toBeGreaterThan(20);
    expect(words).toBeLessThanOrEqual(100);
    expect(answer.markers).toBeGreaterThan(0);
    expect(await page.locator('.cards h3 a').count()).toBe(SLUGS.length);
  });
});

test.each(['/', '/sources/', '/about/', '/people/', ...readdirSync(join(DIST, 'sources')).filter((f) => existsSync(join(DIST, 'sources', f, 'index.html'))).map((f) => `/sources/${f}/`)])(
  '%s speaks to readers, not in build vocabulary',
  async (path) => {
    const page = await open(path, 1280);
    // The site's own words: the sources' text (paragraphs, furniture, comments) and the cited excerpts aside.
    const text = await page.evaluate(() => {
      const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      main.querySelectorAll('.ptext, .para, .comment, details.aside, details.comments, .cited-in, .csl-entry').forEach((n) => n.remove());
      return main.innerText;
    });
    expect(text).not.toMatch(/derivedFrom|dateKind|`|\bthe build\b|\boverrides?\b|sources\.yaml|frontmatter|\bmanifest\b/i);
  },
);
