/**
 * Throwaway builds of the site with bad or unusual theses: the content
 * policy, whole-word quotes and the thesis-folder checks must fail the real
 * build with every problem of a file listed (file:line:column, rule id), and
 * counts on pages must follow the collections. Several bad constructs share a
 * build, since each build takes seconds.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { buildCopy, buildFixtureProject, copyFixtureProject, type FixtureProject } from '../support/fixture-project.ts';
import { startHarness } from '../support/browser.ts';
import { FIXTURES, ROOT } from '../support/paths.ts';
import { seedEntries } from '../support/corpus.ts';
import { counted, countWord, publishedSpan } from '../../src/models/counts.ts';

const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const made: FixtureProject[] = [];
const CANARY = `canary-${randomUUID()}`;
afterAll(() => made.forEach((p) => p.remove()));

const thesis = (title: string, order: number, related: string[] = [], body = 'Trenin saw Ukraine as the last stand.<Cite source="trenin-2021" quote="For him, Ukraine is the last stand." />') =>
  `---\ntitle: "${title}"\nquestion: "Why ${title}?"\nteaser: "About ${title}."\norder: ${order}\nrelated: [${related.join(', ')}]\n---\n\n## In brief\n\n${body}\n`;

describe('code, raw HTML and bad citations in a thesis fail the build, every problem listed', () => {
  // An environment value the build inherits and nothing else knows: the build must not print it.
  process.env.WPW_LEAK_CANARY = CANARY;
  const project = buildFixtureProject({ theses: { 'hostile.mdx': fixture('theses/policy/hostile.mdx') } });
  delete process.env.WPW_LEAK_CANARY;
  made.push(project);
  const out = project.output;

  test('the build exits non-zero and writes no thesis page', () => {
    expect(project.status).not.toBe(0);
    expect(existsSync(join(project.dir, 'dist/theses/hostile/index.html'))).toBe(false);
  });

  test('each problem is listed once as file:line:column  <Element …>  rule-id: message', () => {
    // The copy adds a change log (one frontmatter line: the body's lines move down by one).
    const expected: [string, RegExp][] = [
      ['10:1', /missing-in-brief: a thesis opens with "## In brief"/],
      ['8:1', /import \{ readFileSync \} from 'node:fs' +esm: /],
      ['10:1', /"The build machine’s home: process\.env\.H…" +uncited-paragraph: /],
      ['10:27', /\{process\.env\.HOME\} +expression: /],
      ['10:57', /\{readFileSync\('\/etc\/hostname', 'utf8'\)\} +expression: /],
      ['12:1', /<script src="\/sources\/trenin-2021\.txt"> +raw-html: <script> is not allowed/],
      ['14:1', /<meta http-equiv="refresh" [^>]*> +raw-html: <meta> is not allowed/],
      ['16:1', /"HTML’s own element:" +uncited-paragraph: /],
      ['16:21', /<cite source="trenin-2021" [^>]*> +wrong-case: .*write <Cite>/],
      ['18:23', /<Cite [^>]*> +children: <Cite> takes no content: .*"never shown" would be lost/],
      ['20:64', /<Cite source="trenin-2021" quote="the last stand"> +nested: <Cite> cannot stand inside <Quote>/],
      ['22:35', /<Cite [^>]*qoute=[^>]*> +unknown-attribute: unknown attribute "qoute" of <Cite>; did you mean "quote"\?/],
      ['24:34', /<Cite [^>]*> +duplicate-attribute: "source" is given more than once/],
      ['26:14', /<Quote source="trenin-2021" quote="likely to be approved in the next de"> +partial-word: .*cuts the words "unlikely" and "decade"/],
      ['28:15', /<Cite source="trenin-2012" [^>]*> +unknown-source: .*did you mean "trenin-2021"\?/],
    ];
    expect(out).toContain(`Citation check failed: ${expected.length} problems in content/theses/hostile.mdx`);
    for (const [place, rest] of expected) {
      const lines = out.split('\n').filter((l) => l.includes(`content/theses/hostile.mdx:${place}  `));
      expect(lines.length, place).toBeGreaterThanOrEqual(1);
      expect(lines.some((l) => rest.test(l)), `${place}: ${lines.join(' | ')}`).toBe(true);
    }
  });

  test('nothing of the build machine leaks into the output', () => {
    // The project's own paths are not the machine's secrets: Astro's stack traces name files of the clone (its
    // node_modules is linked into the copy) and of the copy, wherever they live, under the home folder too.
    const own = [...new Set([ROOT, project.dir].flatMap((p) => [p, realpathSync(p)]).map((p) => p.replace(/\/+$/, '')))];
    own.sort((a, b) => b.length - a.length);
    const withoutOwnPaths = (text: string) => own.reduce((t, p) => t.replaceAll(p, '<project>'), text);
    // What remains must not name the home folder (its path, and so anything read from it), ...
    const home = homedir();
    if (!own.includes(home)) expect(withoutOwnPaths(`${home}/.ssh/id_ed25519`), 'the project path is not the home folder itself').toContain(home);
    const rest = withoutOwnPaths(out);
    expect(rest).not.toContain(home);
    // ... an environment value (HOME above; a value only this run's environment holds) ...
    expect(rest).not.toContain(CANARY);
    // ... the host name or a file of /etc.
    const host = existsSync('/etc/hostname') ? readFileSync('/etc/hostname', 'utf8').trim() : hostname();
    expect(rest).not.toContain(` ${host}`);
    expect(rest).not.toMatch(/root:x:0:0/);
  });
});

describe('stray, duplicate and mis-related thesis files fail the build, each named', () => {
  const project = buildFixtureProject({
    theses: {
      'nato.mdx': thesis('NATO', 1, ['borders']),
      'Nato.mdx': thesis('NATO again', 2),
      'borders.md': thesis('Borders', 3),
      'drafts/history.mdx': thesis('History', 4),
    },
  });
  made.push(project);

  test('the build exits non-zero with every problem of the folder', () => {
    expect(project.status).not.toBe(0);
    expect(project.output).toContain('Thesis files check failed: 4 problems in content/theses/');
    for (const line of [
      'content/theses/nato.mdx  duplicate-slug: has the slug "nato", as Nato.mdx does',
      'content/theses/borders.md  not-a-thesis: a Markdown (.md) file is not built',
      'content/theses/drafts/history.mdx  not-a-thesis: theses must sit directly in the theses folder',
      'content/theses/nato.mdx  bad-related: related: "borders" names no thesis',
    ]) expect(project.output).toContain(line);
  });
});

describe('allowed constructs build, and counts follow the collections', () => {
  const project = buildFixtureProject({
    theses: {
      'allowed.mdx': fixture('theses/valid/inline-html.mdx'),
      'second.mdx': thesis('Second', 20, ['allowed']),
      'third.mdx': thesis('Third', 30),
      'fourth.mdx': thesis('Fourth', 40),
      'first.mdx': thesis('First', 10),
    },
  });
  made.push(project);
  const page = (path: string) => load(readFileSync(join(project.dir, 'dist', path), 'utf8'));

  test('the build succeeds', () => {
    expect(project.output).not.toMatch(/error/i);
    expect(project.status).toBe(0);
  });

  test('inline HTML renders; the comment does not', () => {
    const $ = page('theses/allowed/index.html');
    expect($('article abbr[title="North Atlantic Treaty Organization"]').text()).toBe('NATO');
    expect($('article sup').text()).toBe('3');
    expect($('article span[lang="ru"]').text()).toBe('russkiy mir');
    expect($('article q[cite^="/sources/trenin-2021/#p-"]').text()).toBe('For him, Ukraine is the last stand.');
    expect($('article a.cite')).toHaveLength(3); // two in the text, one in its In brief
    expect($.html()).not.toContain('note to editors');
  });

  test('counts and positions come from the collections', () => {
    const home = page('index.html');
    expect(home('h2#theses').text()).toBe('Five theses');
    // The sources part follows the seeds (any number, any dates); the thesis count is this fixture's five.
    const entries = seedEntries();
    const drawn = `drawn from ${counted(entries.length, 'article')}${publishedSpan(entries.map((e) => e.published))}.`;
    expect(home('.lede').text().replace(/\s+/g, ' ')).toMatch(/^\s*Five readings of /);
    expect(home('.lede').text().replace(/\s+/g, ' ')).toContain(drawn);
    expect(home('meta[name="description"]').attr('content')).toContain('Five theses');
    expect(page('theses/allowed/index.html')('.thesis-head .kicker').first().text()).toBe('Thesis 5 of 5');
    expect(page('theses/first/index.html')('.thesis-head .kicker').first().text()).toBe('Thesis 1 of 5');
    expect(page('sources/index.html')('.lede').text()).toMatch(new RegExp(`^\\s*The ${countWord(entries.length)} texts every thesis`));
  });
});

describe('links in a thesis (issue 25): a link to this site must name a page and anchor the build produced; external links leave visibly', () => {
  const project = buildFixtureProject({ theses: { 'links.mdx': fixture('theses/links/links.mdx') } });
  made.push(project);
  const out = project.output;

  test('the build fails, naming file, line, column and link of each dead one, and only those', () => {
    expect(project.status).not.toBe(0);
    expect(out).toContain('Link check failed: 4 links to this site name no page or anchor the build produced');
    // The copy adds a change log (one frontmatter line): the body's lines move down by one.
    expect(out).toMatch(/content\/theses\/links\.mdx:\d+:\d+ {2}\[…\]\(\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\) {2}dead-link: resolves to \/etc\/passwd, a page the build did not produce/);
    expect(out).toMatch(/content\/theses\/links\.mdx:\d+:\d+ {2}\[…\]\(\\evil\.example\/x\) {2}dead-link: resolves to \/evil\.example\/x, a page the build did not produce/);
    expect(out).toMatch(/content\/theses\/links\.mdx:\d+:\d+ {2}\[…\]\(\.\.\/links\/#nowhere\) {2}dead-link: resolves to \/theses\/links\/, which has no anchor #nowhere/);
    expect(out).toMatch(/content\/theses\/links\.mdx:\d+:\d+ {2}\[…\]\(\/sources\/no-such-source\/\) {2}dead-link: resolves to \/sources\/no-such-source\/, a page the build did not produce/);
    expect(out).not.toMatch(/\[…\]\(#in-brief\)|\[…\]\(\.\.\/\.\.\/sources\/trenin-2021\/\)|Complete!/);
  });

  test('external links, protocol-relative ones too, carry rel="noopener noreferrer" and say they leave the site', () => {
    const $ = load(readFileSync(join(project.dir, 'dist/theses/links/index.html'), 'utf8'));
    const external = $('article a.external');
    expect(external.map((_, a) => $(a).attr('href')).get()).toEqual(['https://evil.example/y', 'https://www.foreignaffairs.com/']);
    external.each((_, a) => {
      expect($(a).attr('rel')).toBe('noopener noreferrer');
      expect($(a).text()).toContain('(another site)');
    });
    expect($('article a[href^="//"], article a[href*="\\\\"]')).toHaveLength(0);
  });

  test('in Chromium the mark is seen (an arrow), heard as words ("another site", not the arrow), and in print gives the address', async () => {
    const harness = await startHarness(join(project.dir, 'dist'));
    try {
      const page = await (await harness.context({ viewport: { width: 800, height: 900 } })).newPage();
      await page.goto('/theses/links/');
      const link = page.getByRole('link', { name: 'a site (another site)', exact: true });
      await expect(link.count()).resolves.toBe(1);
      const arrow = link.locator('.external-mark > [aria-hidden="true"]');
      expect(await arrow.textContent()).toBe('\u00a0↗');
      const box = await arrow.boundingBox();
      expect(box!.width).toBeGreaterThan(0);
      expect(await arrow.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
      // The arrow is smaller than the link's words, and never alone on a line.
      const size = (sel: string) => link.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(await size('.external-mark')).toBeLessThan(await link.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)));
      expect(await link.locator('.external-mark').evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
      // In print the address is generated after the words (it joins the accessible name: find the link by its address).
      await page.emulateMedia({ media: 'print' });
      const printed = page.locator('article a.external[href="https://www.foreignaffairs.com/"]');
      expect(await printed.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('" <https://www.foreignaffairs.com/>"');
      expect(await printed.locator('.external-mark').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    } finally {
      await harness.close();
    }
  }, 60_000);
});

describe('links in a thesis under BASE_PATH=/sub/ (issue 25): a path from the site’s root is linked and checked under the base', () => {
  const dir = copyFixtureProject({ theses: { 'links.mdx': fixture('theses/links-base-path/links.mdx') } });
  const built = buildCopy(dir, { BASE_PATH: '/sub/' });
  made.push({ dir, status: built.status, output: '', remove: () => rmSync(dir, { recursive: true, force: true }) });
  const out = `${built.stdout}\n${built.stderr}`;

  test('the build fails naming the dead links only, with the addresses the page links', () => {
    expect(built.status).not.toBe(0);
    expect(out).toContain('Link check failed: 4 links to this site name no page or anchor the build produced');
    const dead = out.split('\n').filter((l) => l.includes('dead-link:')).map((l) => l.replace(/^.*?content\/theses\/links\.mdx:\d+:\d+ {2}/, ''));
    expect(dead).toEqual([
      '[…](/sources/no-such-source/)  dead-link: resolves to /sub/sources/no-such-source/, a page the build did not produce',
      '[…](/theses/links/#nowhere)  dead-link: resolves to /sub/theses/links/, which has no anchor #nowhere',
      "[…](/sub/sources/trenin-2021/)  dead-link: resolves to /sub/sub/sources/trenin-2021/, a page the build did not produce (a path from the site's root is written without the base: /sources/trenin-2021/, not /sub/sources/trenin-2021/)",
      '[…](../../../etc/passwd)  dead-link: resolves to /etc/passwd, outside the site (/sub/)',
    ]);
  });

  test('the page links paths from the root under the base', () => {
    const $ = load(readFileSync(join(dir, 'dist/theses/links/index.html'), 'utf8'));
    const para = $('article p').filter((_, p) => $(p).text().startsWith('From the root'));
    const hrefs = para.find('a:not(.cite)').map((_, a) => $(a).attr('href')).get().filter((h) => !h.startsWith('#'));
    expect(hrefs).toEqual(['/sub/sources/trenin-2021/', '/sub/theses/links/#links', '/sub/sources/trenin-2021/', '../../sources/trenin-2021/']);
  });
});
