import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths.ts';
import { page } from '../support/dist.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A citation link without its text directive (`#anchor:~:text=…` → `#anchor`). */
const plain = (href: string) => href.replace(/:~:.*$/, '');
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

  test('every marker links to an article paragraph, which "Sources cited" lists under its source', () => {
    markers.each((_, el) => {
      const href = new URL(plain($(el).attr('href')!), 'http://x');
      const target = page(href.pathname)(`[id="${href.hash.slice(1)}"]`);
      expect(target.hasClass('para') && !target.hasClass('furniture') && !target.hasClass('comment'), href.href).toBe(true);
      const source = href.pathname.split('/')[2];
      const entry = $(`#sources-cited ~ ol [id="evidence-${source}"], #sources-cited + ol [id="evidence-${source}"]`);
      expect(entry.length, source).toBe(1);
      expect(entry.find(`.paras a[href="${href.pathname + href.hash}"]`).length, href.href).toBe(1);
    });
  });

  test('"Sources cited" is compact: one entry per source, its paragraphs as sub-references, no paragraph text repeated', () => {
    const entries = $('#sources-cited + ol > li');
    const cited = new Set(markers.map((_, el) => new URL($(el).attr('href')!, 'http://x').pathname.split('/')[2]).get());
    expect(entries.length).toBe(cited.size);
    expect($('section.evidence, .thesis-end blockquote').length).toBe(0);
    entries.each((_, li) => expect($(li).text().length).toBeLessThan(600));
  });

  test('each source paragraph it cites lists this page under "Cited in" with the citing sentence, linking to its paragraph', () => {
    markers.each((_, el) => {
      const href = new URL(plain($(el).attr('href')!), 'http://x');
      // A marker in the positions table is cited from the table; elsewhere from its paragraph.
      const inTable = $(el).closest('#at-a-glance').length > 0;
      const paragraph = inTable ? $(el).closest('tr').find('.position') : $(el).closest('[id].tpara').length ? $(el).closest('[id].tpara') : $(el).parent().prevAll('.tpara').first();
      const id = inTable ? 'at-a-glance' : paragraph.attr('id')!;
      expect(id, $(el).attr('id')).toBeTruthy();
      const source = page(href.pathname);
      // The paragraph's apparatus, closed, right after it.
      const links = source(`[id="${href.hash.slice(1)}"] + details.para-notes .cited-in a[href="/theses/${slug}/#${id}"]`);
      expect(links.length, `${$(el).attr('id')} → ${href.hash}`).toBeGreaterThan(0);
      // Each link shows a sentence of that paragraph (markers and permalink aside).
      const text = paragraph.clone();
      text.find('a.cite, .plink').remove();
      const tidy = (t: string) => squash(t).replace(/ ([,;:.!?])/g, '$1'); // no space where a marker stood
      links.each((_, a) => expect(tidy(text.text())).toContain(tidy(source(a).text())));
    });
  });

  test('attributes every quotation and never cites reader comments', () => {
    // Each quotation in the prose is followed by its marker, which names the
    // source and links to the very paragraph the quotation's cite points to.
    const prose = $('main q[cite], main blockquote[cite]');
    expect(prose.length).toBeGreaterThan(0);
    prose.each((_, el) => {
      // In the positions table the row names the source and its "Key paragraphs" link the paragraph.
      const row = $(el).closest('#at-a-glance tr');
      if (row.length) {
        expect(row.find(`.keys a.cite`).map((_, a) => plain($(a).attr('href')!)).get(), $(el).text()).toContain($(el).attr('cite'));
        return;
      }
      // The next node that is not white space (text between them would
      // separate the quotation from its attribution).
      let node = el.nextSibling;
      while (node && node.type === 'text' && !node.data.trim()) node = node.nextSibling;
      const next = node ? $(node) : $();
      const marker = next.is('a.cite') ? next : next.find('a.cite').first();
      expect(plain(marker.attr('href')!), $(el).text()).toBe($(el).attr('cite'));
      expect(marker.text()).toMatch(/\S ¶\d+( \([a-z]+\))?$/);
    });
    // Nothing on the page cites or links into reader comments.
    const targets = [
      ...$('main [cite]').map((_, el) => $(el).attr('cite')!).get(),
      ...$('main a[href^="/sources/"]').map((_, el) => plain($(el).attr('href')!)).get(),
    ];
    expect(targets.length).toBeGreaterThan(prose.length);
    for (const ref of targets) {
      const url = new URL(ref, 'http://x');
      if (!url.hash) continue;
      const target = page(url.pathname)(`[id="${decodeURIComponent(url.hash.slice(1))}"]`);
      expect(target.length, ref).toBe(1);
      expect(target.closest('.comment, .comments-section').length, ref).toBe(0);
    }
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
