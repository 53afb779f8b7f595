/**
 * The link check of theses (src/checks/site-links.ts, run by src/integrations/thesis-links.ts when the build is
 * done) against a small built site, at the root and under a base path: a path from the site's root
 * (`/sources/x/`) is read under the base, as the page renders it, so it neither fails falsely nor hides a
 * dead link; a path written with the base in it is dead, and the message says to drop the base.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteLinkProblem, underBase, type SiteLink } from '../../src/checks/site-links.ts';

const dist = mkdtempSync(join(tmpdir(), 'site-links-'));
const page = (rel: string, ids: string[]) => {
  mkdirSync(join(dist, rel), { recursive: true });
  writeFileSync(join(dist, rel, 'index.html'), `<!doctype html><main>${ids.map((id) => `<p id="${id}">x</p>`).join('')}</main>`);
};
page('sources/x', ['p-1']);
page('theses/t', ['in-brief']);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const link = (url: string): SiteLink => ({ file: 'content/theses/t.mdx', line: 1, column: 1, url, page: '/theses/t/' });

describe.each(['/', '/sub/'])('built under %s', (base) => {
  const check = (url: string) => siteLinkProblem(link(url), dist, base);
  test('links that name a page and anchor the build produced pass, from the root or relative', () => {
    expect(['/sources/x/#p-1', '/sources/x/', '\\sources\\x\\', '../../sources/x/#p-1', '#in-brief', '../t/#in-brief'].map(check)).toEqual(Array(6).fill(undefined));
  });
  test('dead ones are named with the address the page links', () => {
    expect(check('/sources/x/#p-2')).toBe(`resolves to ${base}sources/x/, which has no anchor #p-2`);
    expect(check('/sources/nope/')).toBe(`resolves to ${base}sources/nope/, a page the build did not produce`);
    expect(check('../nope/')).toBe(`resolves to ${base}theses/nope/, a page the build did not produce`);
  });
  test('a path that climbs out of the site fails', () => {
    expect(check('../../../../etc/passwd')).toBe(base === '/' ? 'resolves to /etc/passwd, a page the build did not produce' : 'resolves to /etc/passwd, outside the site (/sub/)');
  });
});

test('under a base, a path written with the base in it is dead, and the message says how to write it', () => {
  expect(siteLinkProblem(link('/sub/sources/x/#p-1'), dist, '/sub/')).toBe(
    "resolves to /sub/sub/sources/x/, a page the build did not produce (a path from the site's root is written without the base: /sources/x/#p-1, not /sub/sources/x/#p-1)",
  );
});

test('underBase puts only paths from the root under the base', () => {
  expect(['/sources/x/', '//evil.example/', '../x/', '#a', 'https://example.org/'].map((u) => underBase(u, '/sub/'))).toEqual(['/sub/sources/x/', '//evil.example/', '../x/', '#a', 'https://example.org/']);
});
