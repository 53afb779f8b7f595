/** Dates in a thesis's own words marked for the timeline (src/integrations/rehype-thesis-dates.ts), on invented paragraphs. */
import { expect, test } from 'vitest';
import type { Element, ElementContent } from 'hast';
import { DATE_REF, markDates } from '../../src/integrations/rehype-thesis-dates.ts';

const t = (value: string): ElementContent => ({ type: 'text', value });
const h = (tagName: string, props: Element['properties'], ...children: ElementContent[]): Element => ({ type: 'element', tagName, properties: props, children });
const cite = (id: string) => h('a', { className: ['cite'], id, href: '#' }, t('¶1'));
const refs = (p: Element) => {
  const out: { words: string; date: string; cites: string }[] = [];
  const walk = (n: ElementContent) => {
    if (n.type === 'mdxJsxTextElement' && n.name === DATE_REF) {
      const attr = (name: string) => String(n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value);
      out.push({ words: n.children.map((c) => (c.type === 'text' ? c.value : '')).join(''), date: attr('date'), cites: attr('cites') });
    } else if ('children' in n) n.children.forEach(walk);
  };
  p.children.forEach(walk);
  return out;
};
const CITES: Record<string, string> = { 'cite-1': 'alpha#p-one', 'cite-2': 'beta#p-two', 'cite-3': 'beta#p-three' };
const citeOf = (id: string) => CITES[id];

test('each explicit date is marked with the paragraphs its own sentence cites', () => {
  const p = h('p', {}, t('Ann Lee wrote in March 2019 that the talks had failed.'), cite('cite-1'), t(' In 2008 the war began, Bo Ek says.'), cite('cite-2'), cite('cite-3'));
  expect(markDates(p, citeOf)).toBe(2);
  expect(refs(p)).toEqual([
    { words: 'March 2019', date: '2019-03', cites: 'alpha#p-one' },
    { words: '2008', date: '2008', cites: 'beta#p-two beta#p-three' },
  ]);
  // The text around the marks is kept, word for word.
  const text = (n: ElementContent): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map(text).join('') : '');
  expect(p.children.map(text).join('')).toBe('Ann Lee wrote in March 2019 that the talks had failed.¶1 In 2008 the war began, Bo Ek says.¶1¶1');
});

test("a sentence without a citation takes its paragraph's citations; a paragraph without any marks nothing", () => {
  const p = h('p', {}, t('The treaty was signed on 4 May 1990. It changed little.'), cite('cite-2'));
  expect(refs((markDates(p, citeOf), p))).toEqual([{ words: '4 May 1990', date: '1990-05-04', cites: 'beta#p-two' }]);
  const bare = h('p', {}, t('The treaty was signed on 4 May 1990.'));
  expect(markDates(bare, citeOf)).toBe(0);
});

test('quotations, links and headings keep their words; brackets stay outside the mark; two dates in one text node', () => {
  const p = h('p', {}, t('The invasions of Georgia (2008) and Ukraine (2022), as he put it, '), h('q', {}, t('began in 2014')), t(' and '), h('a', { href: '/x/' }, t('in 2015')), t('.'), cite('cite-1'));
  markDates(p, citeOf);
  expect(refs(p).map((r) => r.words)).toEqual(['2008', '2022']);
  expect(p.children[0]).toEqual(t('The invasions of Georgia ('));
});

test('relative, vague and unresolvable dates are not marked', () => {
  const p = h('p', {}, t('Two years ago, in the 1990s and around 2019, on February 24, something happened.'), cite('cite-1'));
  expect(markDates(p, citeOf)).toBe(0);
});
