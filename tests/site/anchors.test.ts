/**
 * The built site keeps the committed anchor ledger's promise: every anchor it
 * lists resolves on its page (the block itself, an alias inside its successor
 * or a tombstone), and thesis paragraphs are anchored and linkable.
 */
import { describe, expect, test } from 'vitest';
import fs, { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../support/paths.ts';
import { page } from '../support/dist.ts';
import { parseLedger } from '../../src/ledger/anchor-ledger.ts';
import { SEED_COUNT } from '../support/corpus.ts';

const ledger = parseLedger(readFileSync(join(ROOT, 'content/anchors.lock.json'), 'utf8'));

test('the ledger keeps speech-span ids of source pages, each inside its paragraph, and people-page statements inside their source section', () => {
  const spans = Object.entries(ledger.pages)
    .filter(([p]) => p.startsWith('/sources/'))
    .flatMap(([, es]) => es.filter((e) => /-sp\d+$/.test(e.id)));
  expect(spans.length).toBeGreaterThan(20);
  for (const e of spans) expect(e.id.startsWith(`${e.in}-sp`), e.id).toBe(true);
  const statements = Object.entries(ledger.pages)
    .filter(([p]) => p.startsWith('/people/'))
    .flatMap(([, es]) => es.filter((e) => !e.id.startsWith('from-') && !e.tombstone));
  for (const e of statements) expect(e.in, e.id).toMatch(/^from-/);
});

test('the ledger lists the source pages, the thesis pages and the people pages', () => {
  const pages = Object.keys(ledger.pages);
  expect(pages.filter((p) => p.startsWith('/sources/')).length).toBe(SEED_COUNT);
  expect(pages.filter((p) => p.startsWith('/theses/')).length).toBe(4);
  expect(pages.filter((p) => p.startsWith('/people/')).length).toBeGreaterThan(10);
});

describe.each(Object.entries(ledger.pages))('%s', (path, entries) => {
  test('every ledger anchor is on the page: its block, an alias inside its successor, or a tombstone', () => {
    const $ = page(path);
    for (const e of entries) {
      const el = $(`[id="${e.id}"]`);
      expect(el.length, e.id).toBe(1);
      expect(el.is('.para, .tpara, h2, h3, .statement, .speech, .anchor-alias, .tombstone, .tl-entry'), e.id).toBe(true);
    }
  });
});

describe.each(Object.keys(ledger.pages).filter((p) => p.startsWith('/theses/')))('%s', (path) => {
  const $ = page(path);
  // The page's own apparatus (header, contents, positions table, sources cited, pager) is not prose.
  const prose = $('main p, main li').filter((_, el) => $(el).closest('section, blockquote, figure, header, footer, nav').length === 0 && !$(el).is('.note-label, .small, .lede, .tombstone'));

  test('every prose paragraph and list item has an anchor, a permalink to it and a search sub-result title', () => {
    const withText = prose.filter((_, el) => {
      const c = $(el).clone();
      c.find('a.cite, .plink').remove();
      return c.text().trim() !== '';
    });
    expect(withText.length).toBeGreaterThan(5);
    withText.each((_, el) => {
      const id = $(el).attr('id')!;
      expect(id, $(el).text().slice(0, 40)).toMatch(/^p-[a-z0-9-]+$/);
      expect($(el).find(`a.plink[href="#${id}"]`).length).toBe(1);
      // Kept out of the search index by the Pagefind integration's excludeSelectors (tests/browser/search.test.ts checks excerpts).
      expect($(el).attr('data-pagefind-title')).toBeTruthy();
    });
  });

  test('citation links carry a text fragment wherever one can point at the cited words', () => {
    const markers = $('main a.cite');
    expect(markers.length).toBeGreaterThan(0);
    // A marker keeps the plain paragraph link only when no text directive (with up to three words of
    // context inside the paragraph) can make the cited words its first match on the source page: there a
    // fragment would send the browser to the wrong place (tests/site/links.test.ts checks every fragment's
    // first match). That happens for whole-paragraph quotes repeated in an earlier "Cited in" sentence.
    const hrefs = markers.map((_, el) => $(el).attr('href')!).get();
    for (const href of hrefs) expect(href).toMatch(/^\/sources\/[a-z0-9-]+\/#p-[a-z0-9-]+(:~:text=[^\s#]+)?$/);
    const plain = hrefs.filter((h) => !h.includes(':~:text='));
    expect(plain.length, plain.join(' ')).toBeLessThanOrEqual(Math.floor(hrefs.length * 0.05));
  });
});

test('pages declare their anchors to the build (which reconciles the ledger from them), and no declaration reaches a reader', () => {
  const { readdirSync } = fs;
  const html = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  expect(html.length).toBeGreaterThan(SEED_COUNT);
  for (const f of html) expect(readFileSync(join(DIST, f), 'utf8'), f).not.toContain('data-anchor-ledger');
});
