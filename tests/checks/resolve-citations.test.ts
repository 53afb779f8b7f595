import { describe, expect, test } from 'vitest';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { buildCitationIndex, resolveCitation, isProblem, type CitationRequest } from '../../src/checks/resolve-citations.ts';
import { closestName, findOriginal, normaliseForMatch, occurrences, wholeWordMatches } from '../../src/pipeline/normalise-text.ts';
import { ROOT, SEEDS } from '../support/paths.ts';

const index = buildCitationIndex(loadSources(SEEDS, ROOT));
const cite = (source: string, quote: string, para?: string): CitationRequest => ({ kind: 'cite', source, quote, para });

describe('resolveCitation', () => {
  test('finds the one article paragraph containing the words', () => {
    const r = resolveCitation(cite('kottasova-cnn-2025', 'Putin is an opportunist'), index);
    expect(isProblem(r)).toBe(false);
    expect(r).toMatchObject({ source: 'kottasova-cnn-2025', n: 19, href: expect.stringMatching(/^\/sources\/kottasova-cnn-2025\/#p-putin-is-an-opportunist-/), label: 'Kottasová (CNN)' });
  });

  test('ignores differences of whitespace and typographic quotes', () => {
    const r = resolveCitation(cite('trenin-2021', "Putin's  actions suggest that his true goal"), index);
    expect(isProblem(r)).toBe(false);
  });

  test.each([
    [cite('nobody', 'x'), 'unknown-source', /unknown source id "nobody" \(known: kottasova-cnn-2025, [^)]*\)$/],
    [cite('trenin-2012', 'x'), 'unknown-source', /unknown source id "trenin-2012" \(known: .*\); did you mean "trenin-2021"\?$/],
    [cite('trenin-2021', '   '), 'empty-quote', /empty/],
    [cite('trenin-2021', 'Putin wants to annex the moon'), 'not-found', /is not found verbatim in trenin-2021/],
    [cite('trenin-2021', 'For him, Russia is the last stand.'), 'not-found', /; closest is ¶7 \(p-these-are-all-serious-issues-[0-9a-f]{6}\), which shares "is the last stand": the first word that differs is "Russia", where ¶7 has "Ukraine"$/],
    [cite('trenin-2021', 'likely to be approved in the next de'), 'partial-word', /cuts the words "unlikely" and "decade" in trenin-2021 ¶10 /],
    [cite('israel-2025', 'possible not to see the USSR'), 'partial-word', /cuts the word "impossible" in israel-2025 ¶16 /],
    [cite('trenin-2021', 'Excellent article!'), 'not-article', /only in reader comments, which are never evidence/],
    [cite('trenin-2021', '{which NATO/EU lost}'), 'not-article', /only in page furniture/],
    [cite('kirichenko-2025', 'Senate Democrats call for reinstatement'), 'not-article', /only in page furniture/],
    [cite('kottasova-cnn-2025', 'Galeotti said'), 'ambiguous', /matches 2 paragraphs of kottasova-cnn-2025 \(¶19 p-putin-is-an-opportunist-[\w-]+, ¶44 p-i-think-that-the-fundamental-[\w-]+\); quote more words or add para=/],
    [cite('kottasova-cnn-2025', 'Galeotti said', 'p-nope'), 'bad-para', /para="p-nope" is not a paragraph of kottasova-cnn-2025/],
  ])('%j → %s', (req, rule, message) => {
    const r = resolveCitation(req, index);
    expect(r).toMatchObject({ rule });
    expect(isProblem(r) && r.message).toMatch(message);
  });

  test('a disambiguator picks one of several matches', () => {
    const first = resolveCitation(cite('kottasova-cnn-2025', 'Galeotti said'), index);
    const anchor = isProblem(first) ? /¶44 (p-[\w-]+)/.exec(first.message)![1]! : '';
    expect(resolveCitation(cite('kottasova-cnn-2025', 'Galeotti said', anchor), index)).toMatchObject({ n: 44, anchor });
  });

  test('the repeated pull quote cannot be cited, its original sentence can', () => {
    expect(resolveCitation(cite('trenin-2021', 'Putin is cautious and calculating, particularly'), index)).toMatchObject({ rule: 'not-article' });
    expect(resolveCitation(cite('trenin-2021', 'he is in fact cautious and calculating'), index)).toMatchObject({ n: 9 });
  });
});

test('a resolved quotation carries the words exactly as the source writes them', () => {
  const r = resolveCitation({ kind: 'quote', source: 'trenin-2021', quote: "Putin's  actions suggest" }, index);
  expect(r).toMatchObject({ exact: 'Putin’s actions suggest' });
});

describe('quotations match whole words only', () => {
  test.each([
    ['is unlikely to be approved', 'likely to be approved', [{ at: 5, cuts: ['unlikely'] }]],
    ['in the next decade.', 'next de', [{ at: 7, cuts: ['decade'] }]],
    ['impossible, possible', 'possible', [{ at: 2, cuts: ['impossible'] }, { at: 12, cuts: [] }]],
    ['the café opened', 'caf', [{ at: 4, cuts: ['café'] }]],
    ['year 1999 and 19990', '1999', [{ at: 5, cuts: [] }, { at: 14, cuts: ['19990'] }]],
    ["Putin's aims", 'Putin', [{ at: 0, cuts: [] }]],
    ['pro-Russian forces', 'Russian forces', [{ at: 4, cuts: [] }]],
    ['stand. Then', '. Then', [{ at: 5, cuts: [] }]],
    ['abc', 'abd', []],
  ])('occurrences(%j, %j)', (haystack, needle, expected) => {
    expect(occurrences(haystack, needle)).toEqual(expected);
    expect(wholeWordMatches(haystack, needle)).toEqual(expected.filter((o) => o.cuts.length === 0).map((o) => o.at));
  });

  test('findOriginal returns the first whole-word occurrence, as written', () => {
    expect(findOriginal('the unlikely and “likely”  case', 'likely" case')).toBe('likely”  case');
    expect(findOriginal('unlikely', 'likely')).toBeUndefined();
  });

  test('the same words extended to whole words resolve', () => {
    const r = resolveCitation(cite('trenin-2021', 'unlikely to be approved in the next decade'), index);
    expect(r).toMatchObject({ n: 10 });
    expect(normaliseForMatch(isProblem(r) ? '' : r.exact)).toBe('unlikely to be approved in the next decade');
  });
});

test.each([
  ['sourc', ['source', 'quote', 'para'], 'source'],
  ['qoute', ['source', 'quote', 'para'], 'quote'],
  ['Source', ['source'], 'source'],
  ['source', ['source'], undefined],
  ['a', ['i', 'em'], undefined],
  ['economics', ['nato-expansion', 'imperial-history'], undefined],
])('closestName(%j, %j) = %j', (name, candidates, expected) => {
  expect(closestName(name, candidates)).toBe(expected);
});
