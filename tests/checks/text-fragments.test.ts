import { describe, expect, test } from 'vitest';
import { directiveFor, directiveProblems, encodeDirective, findDirective, parseFragment, SHORT_QUOTE } from '../../src/checks/text-fragments.ts';

const at = (blocks: string[], b: number, words: string) => {
  const start = blocks[b]!.indexOf(words);
  return [b, start, start + words.length] as const;
};

describe('directiveFor', () => {
  test('words found once on the page: the words alone', () => {
    const blocks = ['A title', 'Putin is an opportunist. He waits.', 'Other text.'];
    expect(directiveFor(blocks, ...at(blocks, 1, 'an opportunist'))).toEqual({ start: 'an opportunist' });
  });

  test('words found elsewhere too: a prefix or suffix of the paragraph makes them unique, and the match is the cited one', () => {
    const blocks = ['A title', 'A pull quote: he will never yield', 'Trenin thinks he will never yield on Ukraine.'];
    const d = directiveFor(blocks, ...at(blocks, 2, 'he will never yield'))!;
    expect(d.prefix ?? d.suffix).toBeDefined();
    expect(findDirective(blocks, d)).toEqual([{ block: 2, start: blocks[2]!.indexOf('he will'), end: blocks[2]!.indexOf('he will') + 'he will never yield'.length }]);
  });

  test('words at the start of a paragraph that occur earlier: a suffix', () => {
    const blocks = ['Talks failed. Then came war.', 'Talks failed in Geneva as well.'];
    expect(directiveFor(blocks, ...at(blocks, 1, 'Talks failed'))).toEqual({ start: 'Talks failed', suffix: 'in' });
  });

  test(`quotations of more than ${SHORT_QUOTE} words: first and last four words`, () => {
    const q = 'one two three four five six seven eight nine ten';
    const blocks = [`Before ${q} after.`];
    expect(directiveFor(blocks, ...at(blocks, 0, q))).toEqual({ start: 'one two three four', end: 'seven eight nine ten' });
  });

  test('matching is case-insensitive, whitespace-insensitive and whole-word, as in browsers', () => {
    expect(findDirective(['It is UNLIKELY to pass.'], { start: 'likely' })).toEqual([]);
    expect(findDirective(['It is Likely\nto  pass.'], { start: 'likely to pass' })).toHaveLength(1);
    // The first occurrence is an earlier paragraph: with no context that cannot be told apart, there is no directive.
    expect(directiveFor(['same words', 'same words'], 1, 0, 10)).toBeUndefined();
    // …but a later repetition (a citing sentence quoting the whole paragraph) leaves the first match where it belongs.
    expect(directiveFor(['Title', 'Whole paragraph quoted.', 'Cited in: “Whole paragraph quoted.”'], 1, 0, 23)).toEqual({ start: 'Whole paragraph quoted.' });
  });
});

describe('the folded page is reused, never stale', () => {
  test('the same blocks array changed in place is matched as it is now', () => {
    const blocks = ['A title', 'Putin is an opportunist.'];
    expect(findDirective(blocks, { start: 'an opportunist' })).toHaveLength(1);
    blocks[1] = 'Putin is a realist.';
    expect(findDirective(blocks, { start: 'an opportunist' })).toEqual([]);
    blocks.push('He is an opportunist too.');
    expect(findDirective(blocks, { start: 'an opportunist' })).toEqual([{ block: 2, start: 6, end: 20 }]);
  });
});

describe('encoding', () => {
  test('hyphens, commas and ampersands are percent-encoded; a fragment parses back', () => {
    const d = { prefix: 'a-b,', start: 'long-term & more', end: 'x,y', suffix: 'end-' };
    const text = encodeDirective(d);
    expect(text).toBe('text=a%2Db%2C-,long%2Dterm%20%26%20more,x%2Cy,-end%2D');
    expect(parseFragment(`p-x:~:${text}`)).toEqual({ id: 'p-x', directives: [d] });
    expect(parseFragment('p-x')).toEqual({ id: 'p-x', directives: [] });
    expect(parseFragment('p-x:~:text=%E0%A4%A')).toBeUndefined();
  });
});

describe('directiveProblems', () => {
  test('a link whose directive first matches outside its paragraph is reported', () => {
    const blocks = [{ text: 'Cited in: he said no' }, { text: 'Then he said no twice.', id: 'p-a' }];
    expect(directiveProblems(blocks, [{ href: '/s/#p-a:~:text=said%20no%20twice', label: 'ok' }])).toEqual([]);
    expect(directiveProblems(blocks, [{ href: '/s/#p-a:~:text=he%20said%20no', label: 'bad' }])).toEqual([
      'bad: the text directive of /s/#p-a:~:text=he%20said%20no first matches "he said no" outside #p-a (in other text of the page), so browsers would highlight that',
    ]);
    expect(directiveProblems(blocks, [{ href: '/s/#p-a:~:text=nothing', label: 'none' }])[0]).toMatch(/matches nothing/);
  });
});
