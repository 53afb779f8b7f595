import { describe, expect, test } from 'vitest';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { buildCitationIndex, resolveCitation, isProblem, type CitationRequest } from '../../src/pipeline/resolve-citations.ts';
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
    [cite('nobody', 'x'), 'unknown-source', /unknown source id "nobody" \(known: kottasova-cnn-2025, /],
    [cite('trenin-2021', '   '), 'empty-quote', /empty/],
    [cite('trenin-2021', 'Putin wants to annex the moon'), 'not-found', /is not found verbatim in trenin-2021/],
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
