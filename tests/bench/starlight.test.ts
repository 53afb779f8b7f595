/** The Starlight yardstick's pages (tests/bench/starlight.ts): the same words, none of our components. */
import { expect, test } from 'vitest';
import { sourceAsMarkdown, thesisAsMarkdown } from './starlight.ts';

test('a thesis keeps its prose and quoted words; citation components and frontmatter fields beyond title and description go', () => {
  const md = thesisAsMarkdown(
    '---\ntitle: "On X"\nteaser: "Short."\norder: 2\n---\n\n## In brief\n\nAnn said <Quote source="a">it rains</Quote>.<Cite source="a" quote="it rains" />\n<Position source="b">B disagrees.</Position>\n<Note date="2026-01-01">Our note.</Note>\n',
  );
  expect(md).toBe('---\ntitle: "On X"\ndescription: "Short."\n---\n\n## In brief\n\nAnn said “it rains”.\nB disagrees.\nOur note.\n');
});

test('a source: one paragraph per line, Markdown and HTML syntax escaped', () => {
  expect(sourceAsMarkdown('T', 'First <b>line</b> *x*\n\n1. Not a list\n# not a heading\n')).toBe(
    '---\ntitle: "T"\n---\n\nFirst \\<b\\>line\\</b\\> \\*x\\*\n\n1\\. Not a list\n\n\\# not a heading\n',
  );
});
