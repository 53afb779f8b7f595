import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { splitLines } from '../../src/pipeline/split-paragraphs.ts';
import { normaliseForMatch } from '../../src/pipeline/normalise-text.ts';
import { DIST, ROOT, SEEDS } from '../support/paths.ts';
import { page } from '../support/dist.ts';
import { SEED_COUNT } from '../support/corpus.ts';

const files = readSources(SEEDS, ROOT);

test('the build has the home page, the sources index, a page for every source and a 404 page', () => {
  for (const path of ['index.html', 'sources/index.html', '404.html']) expect(existsSync(join(DIST, path))).toBe(true);
  for (const f of files) expect(existsSync(join(DIST, 'sources', f.entry.id, 'index.html'))).toBe(true);
  expect(files).toHaveLength(SEED_COUNT);
});

describe.each(files.map((f) => [f.entry.id, f] as const))('%s', (id, file) => {
  const $ = page(`/sources/${id}/`);

  test('opens, under its title, with the original: a link to it where its address is known, else a plain statement', () => {
    const line = $('h1 + p.original');
    expect(line).toHaveLength(1);
    if (file.entry.url) {
      expect(line.text()).toMatch(/^\s*Read the original at /);
      expect(line.find('a').attr('href')).toBe(file.entry.url);
    } else {
      expect(line.text()).toMatch(/no verified address of the original/);
      expect(line.find('a')).toHaveLength(0);
    }
  });

  test('every non-blank line of the seed appears, in order, in the page text', () => {
    const shown = normaliseForMatch($('.ptext').map((_, el) => $(el).text()).get().join(' '));
    let from = 0;
    for (const line of splitLines(file.text)) {
      const want = normaliseForMatch(line.text);
      const at = shown.indexOf(want, from);
      expect(at, `line ${line.line} missing or out of order: ${want.slice(0, 80)}`).toBeGreaterThanOrEqual(0);
      from = at + want.length;
    }
  });

  test('article text never becomes markup: no pre, code, ol, ul, script or headings from the text', () => {
    // The only elements inside paragraph text are the speech marks (span.speech, text only: tests/site/speech-markup.test.ts).
    expect($('main pre, main code, main ol ol, main .para ol, main .para ul, main .para script, main .ptext *:not(span.speech), main .ptext span.speech *').length).toBe(0);
  });

  test('the original file is served byte-identical at /sources/<id>.txt and linked with its hash', () => {
    const served = readFileSync(join(DIST, 'sources', `${id}.txt`));
    expect(Buffer.compare(served, readFileSync(join(SEEDS, file.entry.file)))).toBe(0);
    expect(createHash('sha256').update(served).digest('hex')).toBe(file.sha256);
    expect($(`a[href="/sources/${id}.txt"]`).length).toBe(1);
    expect($('main').text()).toContain(file.sha256);
    expect($('main').text()).toContain(`${file.size.toLocaleString('en-GB')} bytes`);
  });

  test('each paragraph has a visible number that links to its own anchor', () => {
    const paras = $('.para');
    expect(paras.length).toBeGreaterThan(0);
    paras.each((_, el) => {
      const id = $(el).attr('id');
      expect(id).toMatch(/^(p|furniture|comment)-/);
      expect($(el).find('> a.pnum').attr('href')).toBe(`#${id}`);
    });
    // Paragraphs count from ¶1; a subheading (which may come first) shows "§".
    const numbers = $('.para:not(.furniture):not(.comment) > a.pnum').map((_, a) => $(a).text()).get();
    expect(numbers.find((t) => t !== '§')).toBe('¶1');
  });

  test('furniture and comments sit in labelled sections that are collapsed by default', () => {
    $('details').each((_, el) => {
      expect($(el).attr('open')).toBeUndefined();
      expect($(el).find('> summary').text().trim()).not.toBe('');
    });
    $('.para.furniture, .para.comment').each((_, el) => {
      expect($(el).closest('details').length).toBe(1);
    });
  });

  test('no script is needed to read: all text is in the HTML, any script is a deferred module', () => {
    $('script').each((_, el) => {
      expect($(el).attr('type')).toBe('module');
    });
  });
});

test('the Foreign Affairs editor’s note shows its braces literally', () => {
  const $ = page('/sources/trenin-2021/');
  expect($('.para.furniture').text()).toContain('{which NATO/EU lost}');
  expect($('#reader-comments').text()).toBe('Reader comments');
});

test('the home page lists the question, four thesis cards and every source', () => {
  const $ = page('/');
  expect($('h1').text()).toBe('What does Putin want?');
  expect($('.cards > li')).toHaveLength(4);
  for (const f of files) expect($(`.source-list a[href="/sources/${f.entry.id}/"]`).length).toBe(1);
});
