import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths.ts';
import { page } from '../support/dist.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const slugs = readdirSync(join(ROOT, 'content/theses')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));

test('there are four thesis pages', () => {
  expect(slugs.sort()).toEqual(['imperial-history', 'nato-expansion', 'opportunism-toward-trump', 'post-soviet-borders']);
});

describe.each(slugs)('%s', (slug) => {
  const $ = page(`/theses/${slug}/`);
  const markers = $('main a.cite');

  test('cites at least 12 times, from at least 3 sources', () => {
    expect(markers.length).toBeGreaterThanOrEqual(12);
    const sources = new Set(markers.map((_, el) => new URL($(el).attr('href')!, 'http://x').pathname).get());
    expect(sources.size).toBeGreaterThanOrEqual(3);
  });

  test('every quotation is verbatim in the article paragraph its cite URL points to', () => {
    const quotes = $('main q[cite], main blockquote[cite]');
    expect(quotes.length).toBeGreaterThan(0);
    quotes.each((_, el) => {
      const cite = new URL($(el).attr('cite')!, 'http://x');
      const target = page(cite.pathname)(`[id="${decodeURIComponent(cite.hash.slice(1))}"]`);
      expect(target.length, cite.href).toBe(1);
      expect(target.hasClass('para') && !target.hasClass('furniture') && !target.hasClass('comment')).toBe(true);
      expect(squash(target.find('.ptext').text())).toContain(squash($(el).text()));
    });
  });

  test('every marker links to an article paragraph and previews the matching evidence', () => {
    markers.each((_, el) => {
      const href = new URL($(el).attr('href')!, 'http://x');
      const target = page(href.pathname)(`[id="${href.hash.slice(1)}"]`);
      expect(target.hasClass('para') && !target.hasClass('furniture') && !target.hasClass('comment'), href.href).toBe(true);
      const evidence = $(`[id="${$(el).attr('data-preview')}"]`);
      expect(squash(evidence.find('blockquote').text())).toBe(squash(target.find('.ptext').text()));
      expect(evidence.find('blockquote').attr('cite')).toBe(href.pathname + href.hash);
    });
  });

  test('each source paragraph it cites lists this page under "Cited in", linking back to the marker', () => {
    markers.each((_, el) => {
      const href = new URL($(el).attr('href')!, 'http://x');
      const backlinks = page(href.pathname)(`[id="${href.hash.slice(1)}"] .cited-in a`).map((_, a) => page(href.pathname)(a).attr('href')).get();
      expect(backlinks.some((b) => b.startsWith(`/theses/${slug}/#cite-`))).toBe(true);
    });
  });

  test('attributes every quotation and never cites reader comments', () => {
    expect($('main').text()).not.toMatch(/George Michalopulos|Gail Sheppard/);
  });
});

test('the home page shows real teasers and an evidence matrix that counts citations', () => {
  const $ = page('/');
  expect($('.cards > li p').first().text()).not.toMatch(/placeholder/i);
  const cells = $('.matrix td a');
  expect(cells.length).toBeGreaterThan(0);
  let total = 0;
  cells.each((_, a) => {
    total += Number($(a).contents().first().text());
  });
  const cited = slugs.reduce((n, slug) => n + page(`/theses/${slug}/`)('main a.cite').length, 0);
  expect(total).toBe(cited);
});
