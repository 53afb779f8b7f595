/**
 * The remark plugin on fixture folders, through a plain unified + MDX parser
 * (no Astro build): tests/fixtures/citations/<case>/input.mdx, with
 * expected-messages.txt (every problem, exactly as the build prints it, with {seed-ids} for the real seeds' ids, in
 * order; empty when the file is fine) and, for a file that resolves,
 * expected-citations.txt (one resolved citation per line). A case may bring
 * its own seeds/ folder (otherwise the real seeds are used) and its own
 * people.yaml (the aliases a `by` may use; otherwise none).
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { VFile } from 'vfile';
import remarkCitations, { CitationError, RULES, type PageCitation } from '../../src/integrations/remark-citations.ts';
import { FIXTURES, SEEDS } from '../support/paths.ts';
import { seedEntries } from '../support/corpus.ts';

const CASES = join(FIXTURES, 'citations');
const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const readLines = (path: string): string[] =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l !== '') : [];

async function run(name: string) {
  const dir = join(CASES, name);
  const seedsDir = existsSync(join(dir, 'seeds')) ? join(dir, 'seeds') : SEEDS;
  const file = new VFile({ path: join(dir, 'input.mdx'), value: readFileSync(join(dir, 'input.mdx'), 'utf8') });
  // A case with an `is-thesis` file is read as a thesis page (which must open with "In brief").
  const thesesDir = existsSync(join(dir, 'is-thesis')) ? dir : undefined;
  // A case with an `is-answer` file is read as the home page's overall answer.
  const answerDir = existsSync(join(dir, 'is-answer')) ? dir : undefined;
  const peopleFile = existsSync(join(dir, 'people.yaml')) ? join(dir, 'people.yaml') : undefined;
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkCitations, { seedsDir, root: dir, ...(thesesDir ? { thesesDir } : {}), ...(answerDir ? { answerDir } : {}), ...(peopleFile ? { peopleFile } : {}) });
  let error: unknown;
  try {
    await processor.run(processor.parse(file), file);
  } catch (e) {
    error = e;
  }
  return { dir, file, error };
}

describe.each(cases)('%s', (name) => {
  test('reports exactly the expected problems, each as a vfile message at its place', async () => {
    const { dir, file, error } = await run(name);
    // "{seed-ids}" stands for the real seeds' ids, in manifest order, where a fixture uses them (any corpus).
    const ids = seedEntries().map((e) => e.id).join(', ');
    const expected = readLines(join(dir, 'expected-messages.txt')).map((l) => l.replaceAll('{seed-ids}', ids));
    if (expected.length === 0) {
      expect(error).toBeUndefined();
      return;
    }
    expect(error).toBeInstanceOf(CitationError);
    const [header, ...lines] = (error as CitationError).message.split('\n');
    expect(header).toBe(`Citation check failed: ${expected.length} problem${expected.length > 1 ? 's' : ''} in input.mdx`);
    expect(lines.map((l) => l.replace(/^ {2}/, ''))).toEqual(expected);
    // The same problems as vfile messages: real line and column, rule id, source.
    const messages = file.messages;
    expect(messages).toHaveLength(expected.length);
    expected.forEach((line, i) => {
      const m = messages[i]!;
      expect(m.source).toBe('remark-citations');
      expect(line.startsWith(`input.mdx:${m.line}:${m.column}  `)).toBe(true);
      expect(line).toContain(`  ${m.ruleId}: ${m.reason}`);
    });
    // The thrown error carries the first place, which Astro's overlay shows.
    expect([(error as CitationError).line, (error as CitationError).column]).toEqual([messages[0]!.line, messages[0]!.column]);
  });

  test('resolves the expected citations', async () => {
    const { dir, file, error } = await run(name);
    const path = join(dir, 'expected-citations.txt');
    if (!existsSync(path)) return;
    expect(error).toBeUndefined();
    const citations = (file.data as { astro: { frontmatter: { citations: PageCitation[] } } }).astro.frontmatter.citations;
    expect(citations.map((c) => `${c.id} ${c.label} ¶${c.n} ${c.anchor} ${c.exact}`)).toEqual(readLines(path));
  });
});

test('every rule id is exercised by some fixture', () => {
  const seen = new Set(cases.flatMap((name) => readLines(join(CASES, name, 'expected-messages.txt')).map((l) => / {2}([a-z-]+): /.exec(l)?.[1])));
  expect(RULES.filter((rule) => !seen.has(rule))).toEqual([]);
});

test('links (issue 25): protocol-relative and backslashed addresses are external, every external link carries rel="noopener noreferrer" and a mark that it leaves the site; paths of this site are written as browsers read them and collected for the build’s link check', async () => {
  const { file, error, tree } = await runTree('links-rendered');
  expect(error).toBeUndefined();
  const links: { url: string; rel?: string; text: string }[] = [];
  const walk = (n: { type: string; url?: string; data?: { hProperties?: { rel?: string } }; children?: unknown[] }): void => {
    if (n.type === 'link') links.push({ url: n.url!, ...(n.data?.hProperties?.rel ? { rel: n.data.hProperties.rel } : {}), text: JSON.stringify(n.children) });
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(tree as never);
  expect(links.map(({ url, rel }) => ({ url, rel }))).toEqual([
    { url: 'https://evil.example/x', rel: 'noopener noreferrer' },
    { url: 'https://evil.example/y', rel: 'noopener noreferrer' },
    { url: 'https://www.foreignaffairs.com/', rel: 'noopener noreferrer' },
    { url: '../nato-expansion/#in-brief', rel: undefined },
    { url: '/sources/trenin-2021/', rel: undefined },
  ]);
  // The mark: an arrow hidden from screen readers, and words for them.
  const arrow = { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '\u00a0↗' }] };
  const words = { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: ' (another site)' }] };
  const mark = { type: 'externalMark', data: { hName: 'span', hProperties: { className: ['external-mark'] }, hChildren: [arrow, words] } };
  for (const l of links.slice(0, 3)) expect(JSON.parse(l.text).at(-1)).toEqual(mark);
  for (const l of links.slice(3)) expect(l.text).not.toContain('another site');
  expect(file.messages).toEqual([]);
  const { recordedSiteLinks } = await import('../../src/checks/site-links.ts');
  expect(recordedSiteLinks().filter((l) => l.file === 'input.mdx').map((l) => l.url)).toEqual(['../nato-expansion/#in-brief', '\\sources\\trenin-2021\\']);
});

test('links under a base path: a path from the site’s root is rendered under the base; relative paths and external links are left as they are', async () => {
  const { error, tree } = await runTree('links-rendered', { base: '/sub/' });
  expect(error).toBeUndefined();
  const urls: string[] = [];
  const walk = (n: { type: string; url?: string; children?: unknown[] }): void => {
    if (n.type === 'link') urls.push(n.url!);
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(tree as never);
  expect(urls).toEqual(['https://evil.example/x', 'https://evil.example/y', 'https://www.foreignaffairs.com/', '../nato-expansion/#in-brief', '/sub/sources/trenin-2021/']);
});

async function runTree(name: string, extra: { base?: string } = {}) {
  const dir = join(CASES, name);
  const file = new VFile({ path: join(dir, 'input.mdx'), value: readFileSync(join(dir, 'input.mdx'), 'utf8') });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkCitations, { seedsDir: SEEDS, root: dir, ...extra });
  let error: unknown;
  let tree: unknown;
  try {
    tree = await processor.run(processor.parse(file), file);
  } catch (e) {
    error = e;
  }
  return { file, error, tree };
}
