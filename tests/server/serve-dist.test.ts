import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CITE_TYPES, formatHeadersFile, headerRules, HEADER_RULE_LIMIT, PLAIN_TEXT, writeHeadersFile } from '../../src/build/http-headers.ts';
import { headersFor, loadHeaderRules, serveDist, type DistServer } from '../../src/server/serve-dist.ts';

describe('the _headers file', () => {
  test('sends nosniff everywhere, and by path patterns each source text as UTF-8 plain text and each citation download as its media type', () => {
    const text = formatHeadersFile(headerRules());
    expect(text).toBe(
      '# Written by the build (src/integrations/headers.ts); read by Netlify, Cloudflare Pages and `npm start`.\n' +
        '/*\n  Content-Security-Policy: frame-ancestors \'none\'; base-uri \'self\'; object-src \'none\'; form-action \'self\'\n' +
        '  X-Frame-Options: DENY\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n' +
        ['/_astro/*', '/pagefind/index/*', '/pagefind/fragment/*', '/pagefind/filter/*'].map((p) => `${p}\n  Cache-Control: public, max-age=31536000, immutable\n`).join('') +
        '/sources/*.txt\n  Content-Type: text/plain; charset=utf-8\n' +
        ['sources', 'theses']
          .map((f) =>
            `/${f}/*/cite.bib\n  Content-Type: application/x-bibtex; charset=utf-8\n` +
            `/${f}/*/cite.ris\n  Content-Type: application/x-research-info-systems; charset=utf-8\n` +
            `/${f}/*/cite.json\n  Content-Type: application/vnd.citationstyles.csl+json; charset=utf-8\n`,
          )
          .join(''),
    );
  });

  test('the number of rules does not grow with the sources: at most 100 rules give 10,000 invented source texts and their downloads their media types, and nothing else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'headers-scale-'));
    try {
      const written = writeHeadersFile(root, '/');
      const rules = await loadHeaderRules(root);
      expect(rules.map((r) => r.for)).toEqual(written.map((r) => r.path));
      expect(rules.length).toBeLessThanOrEqual(HEADER_RULE_LIMIT);
      expect(headerRules('/explainer/').length).toBe(rules.length);
      const ids = Array.from({ length: 10_000 }, (_, i) => `source-${i}-${(i * 7919).toString(36)}`);
      for (const id of ids) {
        expect(headersFor(rules, `/sources/${id}.txt`)['Content-Type']).toBe(PLAIN_TEXT);
        for (const [ext, type] of Object.entries(CITE_TYPES)) expect(headersFor(rules, `/sources/${id}/cite.${ext}`)['Content-Type']).toBe(type);
      }
      for (const [ext, type] of Object.entries(CITE_TYPES)) expect(headersFor(rules, `/theses/a-thesis/cite.${ext}`)['Content-Type']).toBe(type);
      // The patterns name only those files: pages, other text files and other downloads keep their own types.
      for (const path of ['/', '/sources/', '/sources/source-1/', '/robots.txt', '/sources/source-1/notes.md', '/theses/a-thesis/', '/data/sources.json', '/about/cite.bib']) {
        expect(headersFor(rules, path), path).not.toHaveProperty('Content-Type');
        expect(headersFor(rules, path)['X-Content-Type-Options']).toBe('nosniff');
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

test('under a base path, every pattern names the base', () => {
  const rules = headerRules('/explainer/');
  expect(rules.length).toBe(headerRules().length);
  for (const rule of rules) expect(rule.path.startsWith('/explainer/')).toBe(true);
  const text = formatHeadersFile(rules);
  expect(text).toContain('\n/explainer/*\n');
  expect(text).toContain('\n/explainer/sources/*.txt\n  Content-Type: text/plain; charset=utf-8\n');
  expect(text).toContain('\n/explainer/sources/*/cite.bib\n  Content-Type: application/x-bibtex; charset=utf-8\n/explainer/sources/*/cite.ris\n');
  expect(text).toContain('\n/explainer/theses/*/cite.json\n');
  expect(text).not.toMatch(/^\/sources\//m);
});

describe('the server serves a site built for a base path under that path', () => {
  let root: string;
  let server: DistServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'serve-dist-base-'));
    mkdirSync(join(root, 'sources'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, 'sources', 'index.html'), '<!doctype html><title>sources</title>');
    writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
    writeFileSync(join(root, 'sources', 'a.txt'), 'a source text\n');
    mkdirSync(join(root, 'sources', 'a'));
    writeFileSync(join(root, 'sources', 'a', 'cite.bib'), '@article{a}\n');
    mkdirSync(join(root, 'theses', 't'), { recursive: true });
    writeFileSync(join(root, 'theses', 't', 'cite.ris'), 'TY  - JOUR\n');
    writeFileSync(join(root, '_headers'), formatHeadersFile(headerRules('/explainer/')));
    server = await serveDist(root, 0, '/explainer/');
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });
  test('pages are found under the base, with the headers, and redirects keep the base', async () => {
    const home = await fetch(`${server.url}/explainer/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('home');
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const bare = await fetch(`${server.url}/explainer`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/explainer/');
    const dir = await fetch(`${server.url}/explainer/sources?x=1`, { redirect: 'manual' });
    expect(dir.headers.get('location')).toBe('/explainer/sources/?x=1');
  });
  test('the pattern rules apply under the base: a source text and the citation downloads get their media types', async () => {
    const text = await fetch(`${server.url}/explainer/sources/a.txt`);
    expect(text.headers.get('content-type')).toBe(PLAIN_TEXT);
    expect(await text.text()).toBe('a source text\n');
    expect((await fetch(`${server.url}/explainer/sources/a/cite.bib`)).headers.get('content-type')).toBe(CITE_TYPES.bib);
    const ris = await fetch(`${server.url}/explainer/theses/t/cite.ris`);
    expect(ris.headers.get('content-type')).toBe(CITE_TYPES.ris);
    expect(ris.headers.get('x-content-type-options')).toBe('nosniff');
    // The same files outside the base are not served.
    expect((await fetch(`${server.url}/sources/a.txt`)).status).toBe(404);
  });
  test('nothing is served outside the base: the 404 page, with the headers', async () => {
    const outside = await fetch(`${server.url}/sources/`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain('missing');
    expect(outside.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('the server applies _headers and survives hostile paths', () => {
  let root: string;
  let server: DistServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'serve-dist-'));
    mkdirSync(join(root, 'sources'));
    writeFileSync(join(root, 'sources', 'x.txt'), 'alert(document.domain)\n');
    writeFileSync(join(root, 'sources', 'notes.md'), '# not a source text\n');
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
    writeFileSync(join(root, '_headers'), formatHeadersFile(headerRules()));
    server = await serveDist(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('rules parse with Netlify’s parser and match by path', async () => {
    const rules = await loadHeaderRules(root);
    expect(headersFor(rules, '/sources/x.txt')).toEqual({
      'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'",
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Type': PLAIN_TEXT,
    });
    expect(headersFor(rules, '/')).not.toHaveProperty('Content-Type');
  });

  test('a source text is text/plain; charset=utf-8 with nosniff', async () => {
    const res = await fetch(`${server.url}/sources/x.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(PLAIN_TEXT);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('alert(document.domain)\n');
  });

  test('pages and 404s carry nosniff too', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const missing = await fetch(`${server.url}/nowhere/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('hashed files are immutable; anything else is revalidated, and an unchanged file costs a 304 with no body', async () => {
    mkdirSync(join(root, '_astro'), { recursive: true });
    writeFileSync(join(root, '_astro', 'a.1234.css'), 'body{}');
    writeFileSync(join(root, '_headers'), formatHeadersFile(headerRules()));
    const hashed = await serveDist(root);
    try {
      const css = await fetch(`${hashed.url}/_astro/a.1234.css`);
      expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const page = await fetch(`${hashed.url}/`);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const etag = page.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await fetch(`${hashed.url}/`, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(hashed.log.at(-1)).toMatchObject({ path: '/', status: 304, bytes: 0 });
      expect((await fetch(`${hashed.url}/`, { headers: { 'If-None-Match': '"stale"' } })).status).toBe(200);
      expect((await fetch(`${hashed.url}/nowhere/`, { headers: { 'If-None-Match': etag } })).status).toBe(404);
    } finally {
      await hashed.close();
    }
  });

  test.each(['/%E0%A4%A', '/%', '/sources/%00x.txt', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd'])(
    'a hostile path %s is a 404, and the server keeps serving',
    async (path) => {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(404);
      expect((await fetch(`${server.url}/sources/x.txt`)).status).toBe(200);
    },
  );
});

describe('the server behaves as a static host', () => {
  let root: string;
  let server: DistServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'serve-dist-host-'));
    mkdirSync(join(root, 'sources'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, 'sources', 'index.html'), '<!doctype html><title>sources</title>');
    writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
    writeFileSync(join(root, 'big.html'), `<!doctype html><title>big</title>${'<p>Putin wants something. '.repeat(200_000)}`);
    server = await serveDist(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s is 405 with Allow: GET, HEAD, and no page', async (method) => {
    const res = await fetch(`${server.url}/`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.text()).not.toContain('home');
  });

  test('HEAD answers as GET without a body', async () => {
    const res = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  test.each([
    ['/.//sources', '/sources/'],
    ['//sources', '/sources/'],
    ['/./sources', '/sources/'],
    ['/sources/../sources', '/sources/'],
    ['/%2fsources', '/sources/'],
    ['/sources?x=1', '/sources/?x=1'],
  ])('a redirect of %s stays on this host: %s', async (path, location) => {
    // fetch() would normalise the path: send it as written.
    const { request } = await import('node:http');
    const res = await new Promise<{ status: number; location: string | undefined }>((done, fail) => {
      const u = new URL(server.url);
      request({ host: u.hostname, port: u.port, path, method: 'GET' }, (r) => {
        r.resume();
        done({ status: r.statusCode ?? 0, location: r.headers.location });
      })
        .on('error', fail)
        .end();
    });
    expect(res.status).toBe(301);
    expect(res.location).toBe(location);
    expect(res.location).not.toMatch(/^\/\/|^\/\\|^[a-z]+:/i);
  });

  test('a gzipped body is compressed once per file, the same bytes every time, and revalidated by ETag', async () => {
    const gz = { 'Accept-Encoding': 'gzip' };
    const first = await fetch(`${server.url}/big.html`, { headers: gz });
    const firstText = await first.text();
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/-gz"$/);
    const second = await fetch(`${server.url}/big.html`, { headers: gz });
    expect(await second.text()).toBe(firstText);
    expect(second.headers.get('etag')).toBe(etag);
    expect(server.log.at(-1)!.bytes).toBe(server.log.at(-2)!.bytes);
    // How fast the cached body is sent is measured by `npm run bench`, never by a timed assertion here.
    const revalidated = await fetch(`${server.url}/big.html`, { headers: { ...gz, 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    const plain = await fetch(`${server.url}/big.html`, { headers: { 'Accept-Encoding': 'identity', 'If-None-Match': etag } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('etag')).not.toBe(etag);
  });

  test('a changed file is served changed, with a new ETag', async () => {
    const before = await fetch(`${server.url}/`);
    const etag = before.headers.get('etag');
    await before.text();
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home, changed and longer</title>');
    const after = await fetch(`${server.url}/`, { headers: { 'If-None-Match': etag! } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('changed');
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});
