import { describe, expect, test } from 'vitest';
import { makeUrls, normaliseBase, normaliseSite, paragraphLabel, sourceLabel } from '../../src/lib/urls.ts';

describe('normaliseBase', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['explainer', '/explainer/'],
    ['/explainer', '/explainer/'],
    ['/explainer/', '/explainer/'],
    ['//explainer//', '/explainer/'],
    ['/a/b/', '/a/b/'],
  ])('%j → %s', (raw, base) => expect(normaliseBase(raw)).toBe(base));

  test.each(['/a/../b/', '/a//b/', '/a b/', '/a?x/', '/a#b/', '/./', '/%2e%2e/', '/%2E%2E/x/', '/a%20b/', '/ünï/', '/a\\b/', '/a;b/', '/a:b/', '/..'])('rejects %j', (raw) => {
    expect(() => normaliseBase(raw)).toThrow(/^BASE_PATH .* is not a path such as \/explainer\/: /);
  });
  test('names the segment that is wrong', () => {
    expect(() => normaliseBase('/%2e%2e/')).toThrow('BASE_PATH "/%2e%2e/" is not a path such as /explainer/: the segment "%2e%2e" has characters other than letters, digits and -._~ (no %, spaces, non-ASCII)');
    expect(() => normaliseBase('/ünï/')).toThrow(/the segment "ünï" has characters other than/);
  });
});

describe('normaliseSite', () => {
  test.each([
    [undefined, undefined], // no address is ever guessed (no local server's)
    ['', undefined],
    ['  ', undefined],
    ['https://example.org', 'https://example.org'],
    ['https://example.org/', 'https://example.org'],
    ['https://user.github.io', 'https://user.github.io'],
  ])('%j → %s', (raw, site) => expect(normaliseSite(raw)).toBe(site));

  test.each(['ftp://example.org', 'https://example.org/explainer/', 'https://example.org/?x', 'not a url', 'javascript:alert(1)', '//example.org', 'https://editor:hunter2@example.org', 'https://editor@example.org'])('rejects %j, naming SITE_URL', (raw) => {
    expect(() => normaliseSite(raw)).toThrow(/^SITE_URL /);
  });
  test('never repeats a password in its message', () => {
    expect(() => normaliseSite('https://editor:hunter2@example.org')).toThrow('SITE_URL must not carry a user name or password (it would be published in every page)');
    expect(() => normaliseSite('https://editor:hunter2@example.org')).not.toThrow(/hunter2/);
  });
});

// One table, two bases: every URL the site builds.
const table: [string, (u: ReturnType<typeof makeUrls>) => string, string, string][] = [
  ['home', (u) => u.home(), '/', '/explainer/'],
  ['home section', (u) => u.home('theses'), '/#theses', '/explainer/#theses'],
  ['sources', (u) => u.sources(), '/sources/', '/explainer/sources/'],
  ['source', (u) => u.source('trenin-2021'), '/sources/trenin-2021/', '/explainer/sources/trenin-2021/'],
  ['paragraph', (u) => u.paragraph('trenin-2021', 'p-abc-123456'), '/sources/trenin-2021/#p-abc-123456', '/explainer/sources/trenin-2021/#p-abc-123456'],
  ['original text', (u) => u.sourceText('trenin-2021'), '/sources/trenin-2021.txt', '/explainer/sources/trenin-2021.txt'],
  ['compare view', (u) => u.compare('cnn-retelling-2025'), '/sources/cnn-retelling-2025/compare/', '/explainer/sources/cnn-retelling-2025/compare/'],
  ['compare row', (u) => u.compare('d', 'row-p-x'), '/sources/d/compare/#row-p-x', '/explainer/sources/d/compare/#row-p-x'],
  ['thesis', (u) => u.thesis('nato-expansion'), '/theses/nato-expansion/', '/explainer/theses/nato-expansion/'],
  ['thesis fragment', (u) => u.thesis('nato-expansion', 'cite-3'), '/theses/nato-expansion/#cite-3', '/explainer/theses/nato-expansion/#cite-3'],
  ['people', (u) => u.people(), '/people/', '/explainer/people/'],
  ['person', (u) => u.person('vladimir-putin'), '/people/vladimir-putin/', '/explainer/people/vladimir-putin/'],
  ['about', (u) => u.about(), '/about/', '/explainer/about/'],
  ['timeline', (u) => u.timeline(), '/timeline/', '/explainer/timeline/'],
  ['timeline entry', (u) => u.timeline('e-2014-crimea-3f9a'), '/timeline/#e-2014-crimea-3f9a', '/explainer/timeline/#e-2014-crimea-3f9a'],
  ['search', (u) => u.search(), '/search/', '/explainer/search/'],
  ['search query', (u) => u.search('root causes'), '/search/?q=root+causes', '/explainer/search/?q=root+causes'],
  ['pagefind script', (u) => u.pagefind('pagefind.js'), '/pagefind/pagefind.js', '/explainer/pagefind/pagefind.js'],
  ['pagefind WebAssembly', (u) => u.pagefind('wasm'), '/pagefind/wasm.en.pagefind', '/explainer/pagefind/wasm.en.pagefind'],
  ['data file', (u) => u.data('paragraphs.json'), '/data/paragraphs.json', '/explainer/data/paragraphs.json'],
  ['source citation', (u) => u.cite('source', 'trenin-2021', 'bib'), '/sources/trenin-2021/cite.bib', '/explainer/sources/trenin-2021/cite.bib'],
  ['thesis citation', (u) => u.cite('thesis', 'nato-expansion', 'json'), '/theses/nato-expansion/cite.json', '/explainer/theses/nato-expansion/cite.json'],
  ['paragraph citations of a source', (u) => u.citeParagraph('source', 'trenin-2021'), '/sources/trenin-2021/cite-paragraph.json', '/explainer/sources/trenin-2021/cite-paragraph.json'],
  ['paragraph citations of a thesis', (u) => u.citeParagraph('thesis', 'nato-expansion'), '/theses/nato-expansion/cite-paragraph.json', '/explainer/theses/nato-expansion/cite-paragraph.json'],
  ['the cite-or-share dialog', (u) => u.citeShareScript(), '/scripts/cite-share-dialog.js', '/explainer/scripts/cite-share-dialog.js'],
  ['asset', (u) => u.path('pagefind/pagefind.js'), '/pagefind/pagefind.js', '/explainer/pagefind/pagefind.js'],
  ['asset, leading slash', (u) => u.path('/favicon.svg'), '/favicon.svg', '/explainer/favicon.svg'],
  ['absolute', (u) => u.absolute(u.source('x'), 'https://example.org'), 'https://example.org/sources/x/', 'https://example.org/explainer/sources/x/'],
  ['absolute without a site: the path', (u) => u.absolute(u.source('x'), undefined), '/sources/x/', '/explainer/sources/x/'],
];

describe.each(table)('%s', (_name, build, atRoot, underBase) => {
  test('at the root', () => expect(build(makeUrls('/'))).toBe(atRoot));
  test('under /explainer/', () => expect(build(makeUrls('explainer'))).toBe(underBase));
});

test('segments and fragments are percent-encoded, so no id can break out of its place', () => {
  const u = makeUrls('/');
  expect(u.source('a/../b')).toBe('/sources/a%2F..%2Fb/');
  expect(u.paragraph('s', 'p "x"#y')).toBe('/sources/s/#p%20%22x%22%23y');
});

describe('labels', () => {
  test.each([
    [{ short: 'Trenin', author: 'Dmitri Trenin', title: 'T' }, 'Trenin'],
    [{ author: 'Dmitri Trenin', title: 'T' }, 'Dmitri Trenin'],
    [{ title: 'What Putin wants' }, 'What Putin wants'],
    [{ short: undefined, author: undefined, title: 'Only a title' }, 'Only a title'],
  ])('sourceLabel(%j) = %s', (entry, label) => expect(sourceLabel(entry)).toBe(label));

  test('paragraphLabel: ¶n, or § for a subheading', () => {
    expect(paragraphLabel({ short: 'Trenin', title: 'T' }, 12)).toBe('Trenin ¶12');
    expect(paragraphLabel({ title: 'T' }, null)).toBe('T §');
  });
});
