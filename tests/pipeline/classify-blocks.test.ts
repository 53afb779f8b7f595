import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSources, paragraphsOf, summariseSource, type Source } from '../../src/pipeline/load-sources.ts';
import { splitLines } from '../../src/pipeline/split-paragraphs.ts';
import { classifyBlocks, isEditorNote, isTrailerMarker, markPullQuotes } from '../../src/pipeline/classify-blocks.ts';
import { summariseClassification } from '../../src/pipeline/classification-report.ts';
import { normaliseForMatch } from '../../src/pipeline/normalise-text.ts';
import type { Block } from '../../src/pipeline/types.ts';
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
    // 44 paragraphs: the manifest splits Soldatov's quote from the narration that runs on after it.
    ['kottasova-cnn-2025', { 'furniture:header': 6, 'furniture:byline': 1, 'article:paragraph': 44, 'article:heading': 2 }],
    ['cnn-retelling-2025', { 'article:paragraph': 23, 'furniture:link-list': 5 }],
    ['kirichenko-2025', { 'furniture:header': 1, 'article:paragraph': 13, 'furniture:bio': 1, 'furniture:link-list': 44 }],
    ['israel-2025', { 'furniture:header': 3, 'furniture:byline': 1, 'article:paragraph': 31, 'furniture:footer': 3 }],
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

/** "1-3, 5, 7-9": sorted line numbers as ranges. */
function ranges(lines: number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return out.join(', ');
}
/** Which lines each kind:role covers. Lines skipped in the file are blank. */
function roleRanges(blocks: Block[]): Record<string, string> {
  const by: Record<string, number[]> = {};
  for (const b of blocks) (by[`${b.kind}:${b.role}`] ??= []).push(b.line);
  return Object.fromEntries(Object.entries(by).map(([k, v]) => [k, ranges(v)]));
}

describe('real seeds: which lines are what', () => {
  test.each([
    ['kottasova-cnn-2025', {
      'furniture:header': '1-2, 4-5, 10-11',
      'furniture:byline': '3',
      'article:paragraph': '12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 51, 53, 55, 57, 59, 61, 63, 65, 68, 70, 73, 75, 78, 80, 82, 84, 86, 88, 90, 92, 94, 96, 98, 100',
      'article:heading': '50, 72',
    }],
    ['cnn-retelling-2025', { 'article:paragraph': '1-23', 'furniture:link-list': '24-28' }],
    ['kirichenko-2025', { 'furniture:header': '1', 'article:paragraph': '2-14', 'furniture:bio': '15', 'furniture:link-list': '16-59' }],
    ['israel-2025', {
      'furniture:header': '1, 3, 8',
      'furniture:byline': '5',
      'article:paragraph': '10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 68, 70',
      'furniture:footer': '72, 74, 77',
    }],
    ['trenin-2021', {
      'furniture:header': '1, 5-6, 8',
      'furniture:editor-note': '3',
      'article:paragraph': '10, 12, 16, 18, 22, 24, 26',
      'furniture:pull-quote': '18, 26',
      'comment:comment': '33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 53, 55, 57, 59, 61, 63, 65, 67, 69, 71, 73, 75, 77, 79, 81, 83, 85, 87, 89, 91, 93, 95, 97, 99, 101, 103, 105, 107, 109, 111, 113, 115, 117, 119, 121, 123, 125, 127, 129, 131, 133, 135, 137, 139, 141, 144, 146-147, 149, 151, 153, 155, 157',
    }],
  ])('%s', (id, expected) => {
    expect(roleRanges(get(id).paragraphs)).toEqual(expected);
  });

  test.each([...sources.keys()])('%s: the rules alone decide as the manifest does (its kind overrides only confirm them)', (id) => {
    const source = get(id);
    const text = readFileSync(join(SEEDS, source.entry.file), 'utf8');
    const splitsOnly = (source.entry.overrides ?? []).filter((o) => o.split !== undefined);
    const strip = (bs: Block[]) => bs.map((b) => ({ ...b }));
    expect(strip(classifyBlocks(splitLines(text), { author: source.entry.author, overrides: splitsOnly }))).toEqual(
      strip(classifyBlocks(splitLines(text), { author: source.entry.author, overrides: source.entry.overrides })),
    );
  });

  test('the CNN paragraph where Soldatov’s quote runs on into narration is split there (manifest override)', () => {
    const line84 = get('kottasova-cnn-2025').paragraphs.filter((p) => p.line === 84);
    expect(line84.map((p) => [p.kind, p.role])).toEqual([['article', 'paragraph'], ['article', 'paragraph']]);
    expect(line84[0]!.text).toMatch(/^“They really believe that the West .* really, really believe in this\.”$/);
    expect(line84[1]!.text).toMatch(/^But Putin has also framed his plan for Ukraine/);
    expect(get('kottasova-cnn-2025').entry.notes).toMatch(/ours/);
  });

  test.each([...sources.keys()])('%s: the build log summary counts every line once', (id) => {
    const s = summariseSource(get(id));
    expect(s.lines.article + s.lines.furniture + s.lines.comment).toBe(s.lines.total);
    expect(s.lines.total).toBe(new Set(get(id).paragraphs.map((p) => p.line)).size);
    // The seeds need no warning: their only long prose outside the article (Trenin's editor's note
    // and reader comments) is confirmed in the manifest.
    expect(s.warnings).toEqual([]);
  });
});

describe('fixtures: rules that need evidence, not a marker (tests/fixtures/classify)', () => {
  const dir = join(FIXTURES, 'classify');
  const cases = readdirSync(dir);
  test('every defect the review found has a fixture', () => {
    expect(cases.sort()).toEqual([
      'handle-mid-article', 'identical-paragraphs', 'indented-list-in-article', 'more-from-mid-article',
      'note-paragraph', 'one-sentence-restatement', 'short-lead-paragraphs',
    ]);
  });
  test.each(cases)('%s', (name) => {
    const text = readFileSync(join(dir, name, 'source.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as {
      roles: Record<string, string>;
      summary: { lines: object; blocks: object; warnings: number };
    };
    const blocks = paragraphsOf(text);
    expect(roleRanges(blocks)).toEqual(expected.roles);
    const summary = summariseClassification(blocks);
    expect({ lines: summary.lines, blocks: summary.blocks, warnings: summary.warnings.length }).toEqual(expected.summary);
    // Whatever the rules decide, each fixture ends in a real trailer, footer or comment section.
    expect(blocks.at(-1)!.kind).not.toBe('article');
  });
});

describe('rules', () => {
  const LONG = 'This opening paragraph is long enough to be prose rather than a header line, which is what the classifier looks for first of all.';
  const kinds = (text: string) => classifyBlocks(splitLines(text)).map((b) => `${b.kind}:${b.role}`);

  test.each([
    ['[Editor’s note: This essay was first published elsewhere.]', true],
    ['[Note: figures from the ministry.].', true],
    ['[Ed. note: updated.]', true],
    ['[Note how the Kremlin frames it.] And then the article goes on.', false],
    ['[Note that this bracket never closes', false],
    ['[Note: nested [brackets] close] here', false],
    ['Note: not bracketed.', false],
  ])('editor’s note %j → %s', (text, expected) => {
    expect(isEditorNote(text)).toBe(expected);
  });

  test.each([
    ['Related:', true], ['Topics', true], ['More from The Hill', true], ['More in Politics', true], ['See also', true],
    ['More from the Kremlin’s point of view, the talks are a chance to win.', false],
    ['Related stories and what the ministry said about them on Friday', false],
  ])('trailer marker %j → %s', (text, expected) => {
    expect(isTrailerMarker(text)).toBe(expected);
  });

  test('an editor’s note in the middle of the article is article text', () => {
    const text = [LONG, LONG.replace('opening', 'second'), LONG.replace('opening', 'third'), '[Note: a bracketed aside.]',
      LONG.replace('opening', 'fourth'), LONG.replace('opening', 'fifth'), LONG.replace('opening', 'sixth')].join('\n');
    expect(kinds(text)[3]).toBe('article:paragraph');
    expect(kinds(['[Note: a bracketed aside.]', ...text.split('\n')].join('\n'))[0]).toBe('furniture:editor-note');
  });

  test('a trailer marker followed by sentences is a subheading; followed by links it is a trailer', () => {
    const shortProse = 'Officials said the talks would go on. They gave no date.';
    expect(kinds([LONG, 'See also', shortProse, shortProse, shortProse].join('\n'))).toEqual([
      'article:paragraph', 'article:heading', 'article:paragraph', 'article:paragraph', 'article:paragraph',
    ]);
    expect(kinds([LONG, 'See also', '- One headline', '- Another headline (video)'].join('\n'))).toEqual([
      'article:paragraph', 'furniture:link-list', 'furniture:link-list', 'furniture:link-list',
    ]);
  });

  test('a handle followed by more than a few lines is not a footer', () => {
    const text = [LONG, '@someone', ...Array.from({ length: 7 }, () => 'Short line')].join('\n');
    expect(kinds(text).filter((k) => k.startsWith('furniture'))).toEqual([]);
  });

  test('comments need numbered structure to the end: consecutive numbers, indented lines, replies', () => {
    const tail = (lines: string[]) => kinds([LONG, ...lines].join('\n')).slice(1);
    // A flat indented list at the end of an article has no replies or further paragraphs: article.
    expect(tail(['  1. First point.', '  2. Second point.'])).toEqual(['article:paragraph', 'article:paragraph']);
    // Numbers that do not count on: article.
    expect(tail(['  1. First point.', '    More on it.', '  3. Third point.'])).not.toContain('comment:comment');
    // A line back at the margin after them: article.
    expect(tail(['  1. First point.', '    More on it.', 'Back at the margin.'])).not.toContain('comment:comment');
    expect(tail(['  1. Great piece.', '    I agree.', '  2. Thanks.'])).toEqual(['comment:comment', 'comment:comment', 'comment:comment']);
  });

  test('an indented list just before the comments stays article', () => {
    const out = kinds([LONG, '  1. Point one.', '  2. Point two.', '  1. Great piece.', '    • Reader says', '  2. Thanks.'].join('\n'));
    expect(out).toEqual(['article:paragraph', 'article:paragraph', 'article:paragraph', 'comment:comment', 'comment:comment', 'comment:comment']);
  });

  test('the header stops at the first line that reads as a sentence', () => {
    expect(kinds(['Headline here', 'By A. Writer', 'Putin wants more.', LONG].join('\n'))).toEqual([
      'furniture:header', 'furniture:byline', 'article:paragraph', 'article:paragraph',
    ]);
    // A question is a headline on the first line, but a date line ending in a period is not a sentence.
    expect(kinds(['What does Putin want?', 'Jan. 5, 2025.', LONG].join('\n'))).toEqual([
      'furniture:header', 'furniture:header', 'article:paragraph',
    ]);
  });

  test('a bio is furniture only at the end of the article', () => {
    const bio = 'Jane Roe is a fellow at an institute.';
    const early = classifyBlocks(splitLines([LONG, bio, LONG, LONG, LONG].join('\n')), { author: 'Jane Roe' });
    expect(early[1]!.kind).toBe('article');
    const late = classifyBlocks(splitLines([LONG, LONG, bio, 'Related:', '- A link'].join('\n')), { author: 'Jane Roe' });
    expect(late[2]!.role).toBe('bio');
  });
});

describe('pull quotes', () => {
  const para = (text: string, line: number): Block => ({ kind: 'article', role: 'paragraph', text, line });
  const roles = (texts: string[]) => markPullQuotes(texts.map(para)).map((b) => b.role);
  const ORIGINAL = 'Officials met again on Friday. Despite the media’s habit of depicting Putin as reckless, he is in fact cautious and calculating, particularly when it comes to the use of force.';
  const QUOTE = 'Putin is cautious and calculating, particularly when it comes to the use of force.';
  const FILLER = 'Something else entirely happened in another place, and it was reported at length by several newspapers.';

  test('a loose, in-order repeat of a nearby longer paragraph is a pull quote', () => {
    expect(roles([ORIGINAL, FILLER, QUOTE])).toEqual(['paragraph', 'paragraph', 'pull-quote']);
    expect(roles([QUOTE, FILLER, ORIGINAL])).toEqual(['pull-quote', 'paragraph', 'paragraph']);
  });

  test('one or two copies near the original are pull quotes; more copies are the text’s own repetition', () => {
    expect(roles([ORIGINAL, QUOTE, QUOTE])).toEqual(['paragraph', 'pull-quote', 'pull-quote']);
    expect(roles([ORIGINAL, QUOTE, QUOTE, QUOTE])).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  test('identical paragraphs without a longer original are not pull quotes', () => {
    expect(roles([QUOTE, QUOTE])).toEqual(['paragraph', 'paragraph']);
    expect(roles(Array.from({ length: 100 }, () => QUOTE))).toEqual(Array.from({ length: 100 }, () => 'paragraph'));
  });

  test('the original must be near (within 6 paragraphs), longer, and in the same order', () => {
    expect(roles([ORIGINAL, ...Array.from({ length: 6 }, () => FILLER), QUOTE]).at(-1)).toBe('paragraph');
    expect(roles([ORIGINAL, ...Array.from({ length: 5 }, () => FILLER), QUOTE]).at(-1)).toBe('pull-quote');
    expect(roles(['Putin is cautious and calculating, particularly when it comes to the use of force, they say.', QUOTE])).toEqual(['paragraph', 'paragraph']);
    expect(roles([ORIGINAL, 'Force is the use it comes to, particularly when Putin is cautious and calculating.'])).toEqual(['paragraph', 'paragraph']);
  });

  test('a paragraph the manifest forces to article is never a pull quote', () => {
    const blocks = [ORIGINAL, QUOTE].map(para);
    expect(markPullQuotes(blocks, new Set([1]))[1]!.role).toBe('paragraph');
  });
});
