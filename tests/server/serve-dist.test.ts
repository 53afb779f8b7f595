import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHeadersFile, headerRules, PLAIN_TEXT } from '../../src/lib/http-headers.ts';
import { headersFor, loadHeaderRules, serveDist, type DistServer } from '../../src/server/serve-dist.ts';

describe('the _headers file', () => {
  test('sends nosniff everywhere and names each source text as UTF-8 plain text, sorted', () => {
    const text = formatHeadersFile(headerRules(['/sources/b.txt', '/sources/a.txt']));
    expect(text).toBe(
      '# Written by the build (src/integrations/headers.ts); read by Netlify, Cloudflare Pages and `npm start`.\n' +
        '/*\n  Content-Security-Policy: frame-ancestors \'none\'; base-uri \'self\'; object-src \'none\'; form-action \'self\'\n' +
        '  X-Frame-Options: DENY\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n' +
        ['/_astro/*', '/pagefind/index/*', '/pagefind/fragment/*', '/pagefind/filter/*'].map((p) => `${p}\n  Cache-Control: public, max-age=31536000, immutable\n`).join('') +
        '/sources/a.txt\n  Content-Type: text/plain; charset=utf-8\n' +
        '/sources/b.txt\n  Content-Type: text/plain; charset=utf-8\n',
    );
  });
});

test('under a base path, rules name the base and citation downloads get their media types', () => {
  const text = formatHeadersFile(headerRules(['/explainer/sources/a.txt'], '/explainer/', ['/explainer/sources/a/cite.ris', '/explainer/sources/a/cite.bib', '/explainer/sources/a/notes.md']));
  expect(text).toContain('\n/explainer/*\n');
  expect(text).toContain('\n/explainer/sources/a/cite.bib\n  Content-Type: application/x-bibtex; charset=utf-8\n/explainer/sources/a/cite.ris\n');
  expect(text).not.toContain('notes.md');
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
    writeFileSync(join(root, '_headers'), formatHeadersFile(headerRules([], '/explainer/')));
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
    writeFileSync(join(root, '_headers'), formatHeadersFile(headerRules(['/sources/x.txt'])));
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
    writeFileSync(join(root, '_headers'), formatHeadersFile(headerRules(['/sources/x.txt'])));
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
