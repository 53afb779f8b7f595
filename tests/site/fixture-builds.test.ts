import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { buildCopy, buildFixtureProject, copyFixtureProject, type FixtureProject } from '../support/fixture-project.ts';
import { FIXTURES } from '../support/paths.ts';

const fixture = (path: string) => readFileSync(join(FIXTURES, path));
const made: FixtureProject[] = [];
afterAll(() => made.forEach((p) => p.remove()));

describe('a broken citation fails the build', () => {
  const project = buildFixtureProject({
    theses: { 'broken-citations.mdx': fixture('theses/broken/broken-citations.mdx').toString() },
  });
  made.push(project);

  test('the build exits non-zero', () => {
    expect(project.status).not.toBe(0);
  });

  test('the message names the file and every bad citation, with line numbers', () => {
    const out = project.output;
    // The copy adds a change log (one frontmatter line, so the body's lines move down by one); a thesis without
    // "In brief" is reported too.
    expect(out).toContain('Citation check failed: 5 problems in content/theses/broken-citations.mdx');
    expect(out).toMatch(/broken-citations\.mdx:\d+:1 +[^\n]*missing-in-brief/);
    expect(out).toMatch(/content\/theses\/broken-citations\.mdx:11:37 +<Quote source="trenin-2021" quote="Putin wants to stop NATO at any cost"> +not-found/);
    expect(out).toMatch(/broken-citations\.mdx:13:19 +<Cite source="no-such-source" quote="anything"> +unknown-source/);
    expect(out).toMatch(/broken-citations\.mdx:15:35 +<Cite source="trenin-2021" quote="Excellent article!"> +not-article/);
    expect(out).toMatch(/broken-citations\.mdx:17:31 +<Cite source="kottasova-cnn-2025" quote="Galeotti said"> +ambiguous/);
    expect(out).not.toMatch(/last stand/);
  });
});

describe('a sixth source needs only a file and a manifest entry, and hostile text renders literally', () => {
  const hostile = fixture('sources/hostile/hostile.txt');
  const project = buildFixtureProject({
    theses: { 'fixture.mdx': fixture('theses/valid/hostile-citing.mdx').toString() },
    extraSources: {
      files: { 'hostile.txt': hostile, 'bom-crlf.txt': fixture('sources/bom-crlf/crlf.txt') },
      manifest: '- id: hostile\n  file: hostile.txt\n  title: Hostile <b>title</b> {x}\n- id: bom-crlf\n  file: bom-crlf.txt\n  title: CRLF and BOM\n',
    },
  });
  made.push(project);
  const page = (path: string) => load(readFileSync(join(project.dir, 'dist', path), 'utf8'));

  test('the build succeeds', () => {
    expect(project.output).not.toMatch(/error/i);
    expect(project.status).toBe(0);
  });

  test('every hostile line is shown as text, never as markup', () => {
    const $ = page('sources/hostile/index.html');
    const texts = $('.ptext').map((_, el) => $(el).text()).get();
    for (const line of hostile.toString().split('\n').filter((l) => l.trim())) expect(texts).toContain(line.trim());
    expect($('main script, main pre, main code, main ol, main div.x, main h1').length).toBe(1); // the page title h1 only
    expect($('h1').text()).toBe('Hostile <b>title</b> {x}');
    expect(readFileSync(join(project.dir, 'dist/sources/hostile/index.html'), 'utf8')).toContain('&lt;script&gt;alert(');
  });

  test('the BOM and CRLF source renders without either', () => {
    const html = readFileSync(join(project.dir, 'dist/sources/bom-crlf/index.html'), 'utf8');
    expect(html).not.toMatch(/[\ufeff\r]/);
    expect(Buffer.compare(readFileSync(join(project.dir, 'dist/sources/bom-crlf.txt')), fixture('sources/bom-crlf/crlf.txt'))).toBe(0);
  });

  test('the thesis citing it links to the paragraph', () => {
    const $ = page('theses/fixture/index.html');
    const cites = $('a.cite').map((_, el) => $(el).attr('href')).get();
    expect(cites).toHaveLength(3); // In brief, then the text's two
    for (const href of cites) expect(href).toMatch(/^\/sources\/hostile\/#p-/);
  });
});

describe('bad sources fail the build with a message naming the file', () => {
  test.each([
    // An unknown manifest field: tests/site/fixture-builds-manifest.test.ts, in the build shared by the manifest's field problems.
    ['invalid UTF-8', { 'bad.txt': fixture('sources/invalid-utf8/bad.txt') }, '- id: bad\n  file: bad.txt\n  title: Bad bytes\n', /seeds\/bad\.txt: is not valid UTF-8/],
  ])('%s', (_, files, manifest, message) => {
    const project = buildFixtureProject({ theses: {}, extraSources: { files, manifest } });
    made.push(project);
    expect(project.status).not.toBe(0);
    expect(project.output).toMatch(message);
  }, 300_000);
});

describe('BASE_PATH and SITE_URL are checked when the config loads (issue 25), each refusal naming the variable', () => {
  const dir = copyFixtureProject({ theses: {} });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test.each([
    [{ BASE_PATH: '/%2e%2e/' }, 'BASE_PATH "/%2e%2e/" is not a path such as /explainer/: the segment "%2e%2e" has characters other than letters, digits and -._~ (no %, spaces, non-ASCII)'],
    [{ BASE_PATH: '/ünï/' }, 'BASE_PATH "/ünï/" is not a path such as /explainer/: the segment "ünï" has characters other than letters, digits and -._~ (no %, spaces, non-ASCII)'],
    [{ SITE_URL: 'https://editor:hunter2@example.org' }, 'SITE_URL must not carry a user name or password (it would be published in every page)'],
    [{ SITE_URL: 'example.org' }, 'SITE_URL "example.org" is not an absolute URL such as https://example.org'],
  ])('%j', (env, message) => {
    const r = buildCopy(dir, env);
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}\n${r.stderr}`).toContain(message);
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/hunter2|Complete!/);
  });
});
