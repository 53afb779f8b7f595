import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import {
  STYLES,
  authorNames,
  citationFiles,
  exportSafe,
  dateParts,
  formatInText,
  formatReference,
  metaTags,
  paragraphCitations,
  shareDescription,
  sourceItem,
  thesisItem,
  unwrapRis,
} from '../../src/models/cite.ts';

const page = 'https://example.org/explainer/sources/doe-2024/';
const article = sourceItem(
  { id: 'doe-2024', title: 'What the Kremlin wants from a very long negotiation that nobody expects to end soon', author: 'Jane Doe and Juan de la Cruz', outlet: 'The Daily', published: '2024-02-29', genre: 'opinion' },
  page,
);

// citeproc parses each style once (Chicago's is 240 kB): do it in a hook, whose timeout is generous on a loaded machine.
beforeAll(() => {
  for (const s of STYLES) formatReference(article, s.key, 'text');
});

describe('authorNames', () => {
  test.each([
    [undefined, []],
    ['', []],
    ['Dmitri Trenin', [{ given: 'Dmitri', family: 'Trenin' }]],
    ['Juan de la Cruz', [{ given: 'Juan', 'non-dropping-particle': 'de la', family: 'Cruz' }]],
    ['Jane Doe and John Roe', [{ given: 'Jane', family: 'Doe' }, { given: 'John', family: 'Roe' }]],
    ['Jane Doe, John Roe & Ann Poe', [{ given: 'Jane', family: 'Doe' }, { given: 'John', family: 'Roe' }, { given: 'Ann', family: 'Poe' }]],
    ['Jane Doe; John Roe', [{ given: 'Jane', family: 'Doe' }, { given: 'John', family: 'Roe' }]],
    ['Reuters', [{ literal: 'Reuters' }]],
  ])('%j', (raw, names) => expect(authorNames(raw)).toEqual(names));
});

describe('sourceItem', () => {
  test('describes the original: type from outlet and genre, date, authors; our page as its URL when the original’s is unknown', () => {
    expect(article).toMatchObject({ id: 'doe-2024', type: 'article-newspaper', 'container-title': 'The Daily', issued: { 'date-parts': [[2024, 2, 29]] }, URL: page });
    expect(article.archive).toBeUndefined();
    expect(sourceItem({ id: 'x', title: 'X', outlet: 'Foreign Affairs', genre: 'essay' }, page).type).toBe('article-magazine');
    expect(sourceItem({ id: 'x', title: 'X' }, page)).toEqual({ id: 'x', type: 'webpage', title: 'X', URL: page, language: 'en' });
  });
  test('with the original’s URL, the reference is the original; our page is named only as its copy in the meta tags', () => {
    const item = sourceItem({ id: 'x', title: 'X', url: 'https://news.example/x' }, page);
    expect(item.URL).toBe('https://news.example/x');
    expect(item.archive_location).toBeUndefined();
    expect(metaTags(item, page)).toContainEqual({ name: 'DC.relation', content: page });
  });
  test('an invalid date is left out rather than guessed', () => {
    expect(dateParts('2024-02')).toBeUndefined();
    expect(sourceItem({ id: 'x', title: 'X', published: 'spring' }, page).issued).toBeUndefined();
  });
});

test('thesisItem: the page itself, by the site’s editors, this site as container, dated by the version cited', () => {
  const item = thesisItem({ slug: 'nato', title: 'NATO expansion' }, 'https://example.org/theses/nato/', '2026-01-05');
  expect(item).toEqual({ id: 'thesis-nato', type: 'webpage', title: 'NATO expansion', author: [{ literal: 'Editors of What does Putin want?' }], 'container-title': 'What does Putin want?', issued: { 'date-parts': [[2026, 1, 5]] }, URL: 'https://example.org/theses/nato/', language: 'en' });
  expect(metaTags(item).filter((t) => t.name === 'citation_publisher')).toEqual([{ name: 'citation_publisher', content: 'What does Putin want?' }]);
});

test('metaTags: Highwire tags, one citation_author per author, from the item', () => {
  const tags = metaTags(article);
  const get = (name: string) => tags.filter((t) => t.name === name).map((t) => t.content);
  expect(get('citation_title')).toEqual([article.title]);
  expect(get('citation_author')).toEqual(['Doe, Jane', 'de la Cruz, Juan']);
  expect(get('citation_publication_date')).toEqual(['2024/02/29']);
  expect(get('citation_publisher')).toEqual(['The Daily']);
  expect(get('citation_public_url')).toEqual([page]);
  expect(get('DC.creator')).toEqual(['Doe, Jane', 'de la Cruz, Juan']);
  expect(get('DC.date')).toEqual(['2024-02-29']);
  expect(metaTags(sourceItem({ id: 'x', title: 'X' }, page)).map((t) => t.name)).not.toContain('citation_publisher');
});

describe.each(STYLES)('$label', ({ key }) => {
  test('the reference names author, title, outlet, year and URL', () => {
    const text = formatReference(article, key, 'text');
    for (const part of ['Doe', 'Kremlin', 'The Daily', '2024', page]) expect(text).toContain(part);
  });
  test('the HTML reference escapes markup in the title', () => {
    const html = formatReference({ ...article, title: 'Putin <script>alert(1)</script> & NATO' }, key, 'html');
    expect(html).not.toMatch(/<script|<\/script/);
    expect(html).toMatch(/&(lt|#60);script&(gt|#62);/);
  });
  test('tags in a title are text, never formatting (citeproc reads <b>, <i>… in fields)', () => {
    const title = 'Putin <b>bold</b> <i>and</i> <span class="nocase">NATO</span>';
    const html = formatReference({ ...article, title }, key, 'html');
    expect(html).not.toMatch(/<b>|<span/);
    expect(html).toMatch(/&#60;b&#62;bold&#60;\/b&#62;/i);
    expect(formatReference({ ...article, title }, key, 'text')).toMatch(/<b>bold<\/b>/i);
  });
  test('an in-text citation at a paragraph carries the locator', () => {
    expect(formatInText(article, key, { paragraph: 12 })).toMatch(/\bpara?\.\s*12\b/);
  });
});

test('the three styles differ (APA, MLA and Chicago are really applied)', () => {
  const refs = STYLES.map((s) => formatReference(article, s.key, 'text'));
  expect(new Set(refs).size).toBe(3);
  expect(refs[0]).toMatch(/^Doe, J\., & de la Cruz, J\. \(2024, February 29\)/); // APA
  expect(refs[1]).toMatch(/^Doe, Jane, and Juan de la Cruz\./); // MLA
});

test('paragraphCitations: each style’s reference and its citation of paragraph {n}, with {url} for the paragraph’s link', () => {
  const t = paragraphCitations(article, page);
  expect(t.styles.map((s) => s.key)).toEqual(['apa', 'mla', 'chicago']);
  const [apa, mla, chicago] = t.styles;
  expect(apa!.paragraph).toBe('(Doe & de la Cruz, 2024, para. {n})');
  expect(mla!.paragraph).toBe('(Doe and de la Cruz, par. {n})');
  expect(chicago!.paragraph).toContain('para. {n}, {url}');
  for (const s of t.styles) expect(s.reference).toContain('{url}');
  expect(t.page).toBe(page);
  expect(t.original).toBeUndefined();
  // With the original's address, the citations name it, not our page, and the dialog offers it.
  const withOriginal = sourceItem({ id: 'x', title: 'X', url: 'https://news.example/x' }, page);
  const o = paragraphCitations(withOriginal, page);
  expect(o.original).toBe('https://news.example/x');
  for (const s of o.styles) expect(`${s.reference} ${s.paragraph}`).not.toContain('{url}');
});

describe('citationFiles', () => {
  const files = citationFiles(article);
  test('CSL-JSON is the item, as a one-item list', () => expect(JSON.parse(files.json)).toEqual([article]));
  test('BibTeX parses (bibtex-parser) with authors, title, year and URL', () => {
    const { entries, errors } = parseBibtex(files.bib);
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    const f = entries[0]!.fields as Record<string, unknown>;
    expect(f.title).toBe(article.title);
    expect(f.author).toEqual([{ lastName: 'Doe', firstName: 'Jane' }, { lastName: 'Cruz', firstName: 'Juan', prefix: 'de la' }]);
    expect(f.year).toBe('2024');
    expect(f.url).toBe(page);
  });
  test('RIS parses (astrocite-ris, strict) with authors, title, date and URL, no line broken', () => {
    expect(files.ris.split('\n').filter((l) => l && !/^[A-Z][A-Z0-9] {2}-/.test(l))).toEqual([]);
    const [item] = parseRis(files.ris);
    expect(item).toMatchObject({ title: article.title, URL: page, 'container-title': 'The Daily' });
    expect(item!.author).toEqual([{ family: 'Doe', given: 'Jane' }, { family: 'Cruz', given: 'Juan', 'non-dropping-particle': 'de la' }]);
    expect(Number(item!.issued!['date-parts']![0]![0])).toBe(2024); // the parser reads PY; the full date is Y1:
    expect(files.ris).toContain('\nY1  - 2024/2/29/\n');
  });
});

test('unwrapRis joins continuation lines and nothing else', () => {
  expect(unwrapRis('TY  - NEWS\nTI  - a long\n title\nER  - \n')).toBe('TY  - NEWS\nTI  - a long title\nER  - \n');
  expect(unwrapRis('TY  - NEWS\nER  - ')).toBe('TY  - NEWS\nER  - \n');
});

test('unwrapRis knows a piece by where plugin-ris broke the line (every 70 characters), not by its look', () => {
  const a70 = 'a'.repeat(70);
  // The rest of a value that reads like a tag is still the value's rest; an empty rest (a value of exactly 70) is dropped.
  expect(unwrapRis(`TY  - NEWS\nT1  - ${a70}\nER  - x\nER  - \n`)).toBe(`TY  - NEWS\nT1  - ${a70}ER  - x\nER  - \n`);
  expect(unwrapRis(`TY  - NEWS\nT1  - ${a70}\n${a70}\nTY  - JOUR\nER  - \n`)).toBe(`TY  - NEWS\nT1  - ${a70}${a70}TY  - JOUR\nER  - \n`);
  expect(unwrapRis(`TY  - NEWS\nT1  - ${a70}\n\nER  - \n`)).toBe(`TY  - NEWS\nT1  - ${a70}\nER  - \n`);
});

describe('exports of hostile values (issue 25): one record, each field once, read back by independent parsers', () => {
  const hostile = sourceItem(
    {
      id: 'hostile',
      title: 'A {title} with @ and % and \\ and }{ and\nTY  - JOUR\r\nTI  - Forged title\u2028@misc{forged, title={x}}',
      author: 'Jane {Doe} and Bob @Smith',
      outlet: 'CNN\nER  - \n\nTY  - JOUR\nTI  - Forged',
      published: '2025-03-01',
      url: 'https://example.com/a?q=},title={Pwned&p=100%&r=\\x#frag{',
    },
    undefined,
  );
  const files = citationFiles(hostile);
  const safe = exportSafe(hostile);

  test('every string value is on one line', () => {
    expect(safe.title).toBe('A {title} with @ and % and \\ and }{ and TY - JOUR TI - Forged title @misc{forged, title={x}}');
    expect(safe['container-title']).toBe('CNN ER - TY - JOUR TI - Forged');
    expect(JSON.stringify(safe)).not.toMatch(/\\[nr]|\u2028/);
  });

  test('BibTeX: one entry, no error, each field once, the title and address as given', () => {
    const { entries, errors } = parseBibtex(files.bib);
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    const f = entries[0]!.fields as Record<string, unknown>;
    expect(Object.keys(f).sort()).toEqual(['author', 'date', 'howpublished', 'journal', 'month', 'title', 'url', 'year']);
    expect(f.title).toBe(safe.title);
    expect(f.journal).toBe(safe['container-title']);
    expect(f.url).toBe('https://example.com/a?q=%7D,title=%7BPwned&p=100%25&r=%5Cx#frag%7B');
    expect(decodeURIComponent(String(f.url).replace('#', '%23'))).toBe(hostile.URL);
    // Each field is written once: `?q=},title={Pwned` adds no second title.
    expect(files.bib.match(/^\s*title = /gm)).toHaveLength(1);
    expect(files.bib.match(/^@/gm)).toHaveLength(1);
  });

  test('RIS: one record (astrocite-ris), every line a tag line, each tag as often as the item has values', () => {
    const records = parseRis(files.ris);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ title: safe.title, 'container-title': safe['container-title'], URL: hostile.URL });
    const lines = files.ris.trimEnd().split('\n');
    expect(lines.filter((l) => !/^[A-Z][A-Z0-9] {2}-( |$)/.test(l))).toEqual([]);
    const tags = lines.map((l) => l.slice(0, 2));
    expect(tags.filter((t) => t === 'TY')).toHaveLength(1);
    expect(tags.filter((t) => t === 'ER')).toHaveLength(1);
    expect(tags.filter((t) => t === 'T1' || t === 'TI')).toHaveLength(1);
    expect(tags.filter((t) => t === 'JF')).toHaveLength(1);
    expect(tags.filter((t) => t === 'A1')).toHaveLength(2);
  });

  test('a thesis title with a line break writes no second record', () => {
    const t = citationFiles(thesisItem({ slug: 'x', title: 'NATO\nER  - \nTY  - JOUR\nT1  - Forged' }, 'https://site.example/theses/x/', '2026-12-07'));
    expect(parseRis(t.ris)).toHaveLength(1);
    expect(parseRis(t.ris)[0]!.title).toBe('NATO ER - TY - JOUR T1 - Forged');
    const { entries, errors } = parseBibtex(t.bib);
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(JSON.parse(t.json)).toHaveLength(1);
  });
});

test('shareDescription clips at a word', () => {
  expect(shareDescription('Short  text\n here.')).toBe('Short text here.');
  const long = 'word '.repeat(100);
  const d = shareDescription(long, 50);
  expect(d.length).toBeLessThanOrEqual(50);
  expect(d).toMatch(/word…$/);
});

describe('references a teacher accepts (fixture record; expected strings written by hand from APA 7, MLA 9 and Chicago 17)', () => {
  const original = sourceItem(
    { id: 'k', title: 'What Putin wants from Trump', author: 'David Kirichenko', outlet: 'The Hill', published: '2025-02-03', genre: 'opinion', url: 'https://thehill.com/opinion/international/5123-what-putin-wants/' },
    'https://site.example/sources/k/',
  );
  test('an article with a known original: the original’s URL exactly as written, once, and no copy’s address', () => {
    expect(formatReference(original, 'apa', 'text')).toBe('Kirichenko, D. (2025, February 3). What Putin wants from Trump. The Hill. https://thehill.com/opinion/international/5123-what-putin-wants/');
    expect(formatReference(original, 'mla', 'text')).toBe('Kirichenko, David. “What Putin Wants from Trump.” The Hill, 3 Feb. 2025, https://thehill.com/opinion/international/5123-what-putin-wants/.');
    expect(formatReference(original, 'chicago', 'text')).toBe('Kirichenko, David. “What Putin Wants from Trump.” The Hill, February 3, 2025. https://thehill.com/opinion/international/5123-what-putin-wants/.');
  });
  test('a paragraph: APA "para.", MLA "par.", Chicago "para." in the note', () => {
    expect(formatInText(original, 'apa', { paragraph: 12 })).toBe('(Kirichenko, 2025, para. 12)');
    expect(formatInText(original, 'mla', { paragraph: 12 })).toBe('(Kirichenko, par. 12)');
    expect(formatInText(original, 'chicago', { paragraph: 12 })).toBe('David Kirichenko, “What Putin Wants from Trump,” The Hill, February 3, 2025, para. 12, https://thehill.com/opinion/international/5123-what-putin-wants/.');
  });
  test('BibTeX: the month is BibTeX’s own macro, the full date is biblatex’s date; the file parses', () => {
    const bib = citationFiles(original).bib;
    expect(bib).toMatch(/^\s*month = feb,$/m);
    expect(bib).toMatch(/^\s*date = \{2025-02-03\},$/m);
    expect(bib).not.toMatch(/month = \{/);
    const { entries, errors } = parseBibtex(bib);
    expect(errors).toEqual([]);
    expect(entries[0]!.fields.url).toBe('https://thehill.com/opinion/international/5123-what-putin-wants/');
  });
});

test('a thesis page (fixture record; expected strings from APA 7, MLA 9 and Chicago 17): corporate author, version date, the site’s name as APA keeps it', () => {
  const t = thesisItem({ slug: 'nato', title: 'NATO expansion' }, 'https://site.example/theses/nato/', '2026-12-07');
  expect(formatReference(t, 'apa', 'text')).toBe('Editors of What does Putin want? (2026, December 7). NATO expansion. What does Putin want? https://site.example/theses/nato/');
  expect(formatReference(t, 'apa', 'html')).toContain('<i>NATO expansion</i>');
  expect(formatReference(t, 'mla', 'text')).toBe('Editors of What does Putin want? “NATO Expansion.” What Does Putin Want?, 7 Dec. 2026, https://site.example/theses/nato/.');
  expect(formatReference(t, 'mla', 'html')).toContain('<i>What Does Putin Want?</i>');
  expect(formatReference(t, 'chicago', 'text')).toBe('Editors of What does Putin want? “NATO Expansion.” What Does Putin Want?, December 7, 2026. https://site.example/theses/nato/.');
  expect(formatInText(t, 'apa', { paragraph: 3 })).toBe('(Editors of What does Putin want?, 2026, para. 3)');
});
