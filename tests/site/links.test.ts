import { expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../support/paths.ts';
import { htmlPages, page } from '../support/dist.ts';

const pages = htmlPages();
const idsOf = new Map<string, Set<string>>();
const ids = (path: string) => {
  if (!idsOf.has(path)) {
    const $ = page(path);
    idsOf.set(path, new Set($('[id]').map((_, el) => $(el).attr('id')!).get()));
  }
  return idsOf.get(path)!;
};

/** The dist file a site path maps to, or undefined. */
function fileFor(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/') ? [join(DIST, decoded, 'index.html')] : [join(DIST, decoded)];
  return candidates.find((c) => existsSync(c));
}

test.each(pages)('every internal link and fragment on %s resolves', (path) => {
  const $ = page(path);
  const broken: string[] = [];
  const refs = [
    ...$('a[href]').map((_, el) => $(el).attr('href')!).get(),
    ...$('link[href]').map((_, el) => $(el).attr('href')!).get(),
    ...$('script[src]').map((_, el) => $(el).attr('src')!).get(),
    ...$('[cite]').map((_, el) => $(el).attr('cite')!).get(),
    ...$('form[action]').map((_, el) => $(el).attr('action')!).get(),
  ];
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) {
    const url = new URL(ref, `http://site${path}`);
    if (url.origin !== 'http://site') continue;
    const target = url.pathname === path ? path : url.pathname;
    if (!fileFor(target)) {
      broken.push(`${ref} (no file)`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.endsWith('/') && !ids(target).has(fragment)) broken.push(`${ref} (no id "${fragment}")`);
  }
  expect(broken).toEqual([]);
});

test('the link checker does notice a missing fragment', () => {
  expect(ids('/sources/trenin-2021/').has('p-no-such-paragraph')).toBe(false);
});
