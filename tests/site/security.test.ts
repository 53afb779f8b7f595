import { expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../support/paths.ts';
import { htmlPages, page } from '../support/dist.ts';

const pages = htmlPages();

/** Parses a CSP string into directive → sources. */
function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name!, sources];
    }),
  );
}

test.each(pages)('%s has a Content-Security-Policy with no unsafe-inline script and no other origin', (path) => {
  const $ = page(path);
  const metas = $('meta[http-equiv="content-security-policy"]');
  expect(metas).toHaveLength(1);
  const csp = parseCsp(metas.attr('content')!);
  const script = csp.get('script-src') ?? csp.get('default-src')!;
  expect(script).toContain("'self'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  for (const sources of csp.values()) for (const s of sources) expect(s).not.toMatch(/^(https?:|\*)/);
  // The policy is the first thing in <head> that could load or run anything.
  expect($('head').children().first().is('meta[charset]')).toBe(true);
  $('script:not([src])').each((_, el) => {
    expect($(el).attr('type')).toBe('module');
  });
});

test.each(pages)('external links on %s carry rel="noopener noreferrer"', (path) => {
  const $ = page(path);
  $('a[href^="http:"], a[href^="https:"], a[href^="//"]').each((_, el) => {
    expect($(el).attr('rel')?.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  });
});

test('a 404 page exists and says so', () => {
  expect(existsSync(join(DIST, '404.html'))).toBe(true);
  expect(page('/404.html')('h1').text()).toBe('Page not found');
});

test('no page loads anything from another origin', () => {
  for (const path of pages) {
    const $ = page(path);
    const loads = [
      ...$('script[src], img[src], iframe[src], audio[src], video[src], source[src]').map((_, el) => $(el).attr('src')!).get(),
      ...$('link[href]:not([rel="canonical"])') /* a canonical link names the page, loads nothing */.map((_, el) => $(el).attr('href')!).get(),
    ];
    for (const url of loads) expect(url, `${path}: ${url}`).toMatch(/^\/(?!\/)/);
  }
});

test('dist/_headers sends nosniff site-wide and every source text as text/plain; charset=utf-8', async () => {
  const { loadHeaderRules, headersFor } = await import('../../src/server/serve-dist.ts');
  const { readdirSync } = await import('node:fs');
  const rules = await loadHeaderRules(DIST);
  const texts = readdirSync(join(DIST, 'sources')).filter((f) => f.endsWith('.txt'));
  expect(texts.length).toBeGreaterThan(0);
  for (const f of texts) {
    expect(headersFor(rules, `/sources/${f}`)).toMatchObject({
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    });
  }
  for (const path of pages) expect(headersFor(rules, path)['X-Content-Type-Options']).toBe('nosniff');
});
