import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { paragraphsOf, type Source } from "../../src/pipeline/load-sources.ts";
import { splitLines } from '../../src/pipeline/split-paragraphs.ts';
import { classifyBlocks } from '../../src/pipeline/classify-blocks.ts';
import { normaliseForMatch } from '../../src/pipeline/normalise-text.ts';
import { FIXTURES, ROOT, SEEDS } from '../support/paths.ts';

const sources = new Map<string, Source>(loadSources(SEEDS, ROOT).map((s) => [s.entry.id, s]));
const get = (id: string) => sources.get(id)!;
const count = (id: string) => {
  const tally: Record<string, number> = {};
  for (const p of get(id).paragraphs) tally[`${p.kind}:${p.role}`] = (tally[`${p.kind}:${p.role}`] ?? 0) + 1;
  return tally;
};

describe('real seeds: what each block is', () => {
  test.each([
    ['kottasova-cnn-2025', { 'furniture:header': 7, 'article:paragraph': 43, 'article:heading': 2 }],
    ['cnn-retelling-2025', { 'article:paragraph': 23, 'furniture:link-list': 5 }],
    ['kirichenko-2025', { 'furniture:header': 1, 'article:paragraph': 13, 'furniture:bio': 1, 'furniture:link-list': 44 }],
    ['israel-2025', { 'furniture:header': 4, 'article:paragraph': 31, 'furniture:footer': 3 }],
    ['trenin-2021', { 'furniture:header': 4, 'furniture:editor-note': 1, 'article:paragraph': 17, 'furniture:pull-quote': 2, 'comment:comment': 63 }],
  ])('%s', (id, expected) => {
    expect(count(id)).toEqual(expected);
  });

  test('the two repeated pull quotes in the Foreign Affairs copy are furniture, not article', () => {
    expect(get('trenin-2021').paragraphs.filter((p) => p.role === 'pull-quote').map((p) => p.text)).toEqual([
      'Putin is cautious and calculating, particularly when it comes to the use of force.',
      'Putin’s threat to resort to force comes from his frustration with a stalled diplomatic process.',
    ]);
    // The original sentence it repeats stays in the article.
    const article = get('trenin-2021').paragraphs.filter((p) => p.kind === 'article');
    expect(article.some((p) => p.text.startsWith('Putin’s threat to resort to force comes from his frustration'))).toBe(true);
  });

  test('merged paragraphs in the Foreign Affairs copy are split at NBSP joins', () => {
    const article = get('trenin-2021').paragraphs.filter((p) => p.kind === 'article');
    expect(article[0]!.text).toBe(
      'As 2021 came to a close, Russia presented the United States with a list of demands that it said were necessary to stave off the possibility of a large-scale military conflict in Ukraine.',
    );
    expect(article[1]!.text).toMatch(/^In a draft treaty delivered to a U\.S\. diplomat in Moscow/);
    expect(article.every((p) => !p.text.includes('\u00a0 '))).toBe(true);
  });

  test('the editor’s note, with its braces, is furniture and kept verbatim', () => {
    const note = get('trenin-2021').paragraphs.find((p) => p.role === 'editor-note')!;
    expect(note.text).toContain('{which NATO/EU lost}');
  });

  test('reader comments start at the first numbered, indented line and keep their nesting', () => {
    const comments = get('trenin-2021').paragraphs.filter((p) => p.kind === 'comment');
    expect(comments[0]!.text).toMatch(/^1\. The United States could then see/);
    expect(comments.filter((c) => c.label).map((c) => c.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(comments.find((c) => c.text === '• George Michalopulos says')!.depth).toBe(1);
    expect(comments.find((c) => c.text.startsWith('There is a very well known (famous?)'))!.depth).toBe(2);
  });

  test('subheadings inside the CNN article stay article text', () => {
    expect(get('kottasova-cnn-2025').paragraphs.filter((p) => p.role === 'heading').map((p) => p.text)).toEqual([
      'Long term plan',
      'It’s all personal',
    ]);
  });

  test('the author bio and link lists of The Hill page are furniture', () => {
    const k = get('kirichenko-2025').paragraphs;
    expect(k.find((p) => p.role === 'bio')!.text).toMatch(/^David Kirichenko is an associate research fellow/);
    expect(k.filter((p) => p.kind === 'article').at(-1)!.text).toMatch(/^Putin likely sees Trump’s eagerness/);
  });

  test.each([...sources.keys()])('%s: every non-blank line is kept, in order, whole', (id) => {
    const source = get(id);
    const text = readFileSync(join(SEEDS, source.entry.file), 'utf8');
    const lines = splitLines(text);
    const byLine = new Map<number, string[]>();
    for (const p of source.paragraphs) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.text]);
    expect([...byLine.keys()]).toEqual(lines.map((l) => l.line));
    for (const line of lines) {
      expect(normaliseForMatch(byLine.get(line.line)!.join(' '))).toBe(normaliseForMatch(line.text));
    }
  });
});

describe('hostile text', () => {
  const text = readFileSync(join(FIXTURES, 'sources/hostile/hostile.txt'), 'utf8');
  const blocks = paragraphsOf(text);

  test('markup-like lines are article text, unchanged', () => {
    const article = blocks.filter((b) => b.kind === 'article').map((b) => b.text);
    expect(article).toEqual(expect.arrayContaining([
      '{braces} and {props.value} and {/* a comment */} must stay text.',
      '<script>alert("x")</script> is not a script here.',
      '# Not a heading, just a line that starts with a hash sign.',
      '- Not a list item, just a line that starts with a dash.',
      '1. Not an ordered list, just a line that starts with a number.',
      'Four spaces of indentation, not a code block.',
      'export const x = 1; is not an export.',
      "import y from 'z'; is not an import.",
    ]));
    expect(blocks.filter((b) => b.kind === 'comment')).toEqual([]);
  });

  test('a text of short lines only has no header: nothing becomes furniture', () => {
    const blocks = classifyBlocks(splitLines('# one\n- two\n{three}\n'));
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['article', '# one'],
      ['article', '- two'],
      ['article', '{three}'],
    ]);
  });

  test('an indented numbered line at the very top is not taken for comments', () => {
    expect(classifyBlocks(splitLines('  1. Not a comment.\nSecond line.')).every((b) => b.kind === 'article')).toBe(true);
  });
});
