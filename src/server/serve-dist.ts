/**
 * The static server of `npm start`, the tests and the benchmark: serves a
 * built dist/ on 127.0.0.1, applies the site's `_headers` file (as Netlify and
 * Cloudflare Pages would; parsed by Netlify's own @netlify/headers-parser) and
 * logs every response with the bytes it put on the wire. The serving itself is
 * hand-written rather than a library because the benchmark needs exact
 * per-request byte counts (including the requests a Web Worker makes, which a
 * page's own network events do not see), and the whole thing is one small module.
 *
 * As a static host does: GET and HEAD only (anything else is 405 with `Allow`);
 * each file's body, ETag and gzipped body are computed once and kept while the
 * file's size and mtime stay the same (gzip at level 9 of a 15 MB page took
 * 1.6 s a request), and `If-None-Match` with the current ETag is a 304; a
 * redirect (a folder without its slash) goes to the folder's canonical path on
 * this host, never to a `//host/…` address.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { normaliseBase } from '../lib/urls.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml']);

export interface LoggedRequest {
  path: string;
  status: number;
  /** Bytes of body sent (after gzip when the client accepted it). */
  bytes: number;
  type: string;
  gzip: boolean;
}

/** A file as served: read, hashed and (on first need) gzipped once while its size and mtime stay the same. */
interface CachedFile {
  size: number;
  mtimeMs: number;
  body: Buffer;
  /** sha1 of the body, base64url: the ETag without its quotes and encoding suffix. */
  hash: string;
  gzipped?: Buffer;
}

/** Methods a static site answers; anything else is 405. */
const METHODS = new Set(['GET', 'HEAD']);

export interface DistServer {
  url: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

/** Reads `<root>/_headers`; none means no extra headers. A malformed file is an error. */
export async function loadHeaderRules(root: string): Promise<Header[]> {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
  if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
  return headers as Header[];
}

/** The headers `_headers` gives a URL path: every matching rule, later rules overriding earlier ones. */
export function headersFor(rules: Header[], urlPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) if (rule.forRegExp.test(urlPath)) Object.assign(out, rule.values);
  return out;
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined; // a malformed escape such as %E0%A4%A is simply not found
  }
}

/** The URL path of a folder inside `root`, with one slash between segments and one at the end: `/sources/`. */
function folderPath(root: string, dir: string): string {
  const rel = relative(root, dir);
  return `/${rel ? `${rel.split(sep).map(encodeURIComponent).join('/')}/` : ''}`;
}

async function resolveFile(root: string, urlPath: string): Promise<{ file: string; redirect?: string } | undefined> {
  const decoded = safeDecode(urlPath);
  if (decoded === undefined || decoded.includes('\0')) return undefined;
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return { file };
  if (info?.isDirectory()) {
    // The folder's own path, rebuilt from the file system: `/.//sources` is `/sources/`, never `//sources/` (another host).
    if (!decoded.endsWith('/')) return { file, redirect: folderPath(root, file) };
    const index = join(file, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return { file: index };
  }
  return undefined;
}

/**
 * Serves `root` on 127.0.0.1 at a free port (or `port`), under the URL path
 * `base` (`/explainer/`: dist/index.html is /explainer/, as on a GitHub Pages
 * project site; anything outside the base is 404). `_headers` rules match the
 * full URL path, base included.
 */
export async function serveDist(dir: string, port = 0, rawBase = '/'): Promise<DistServer> {
  const root = resolve(dir);
  const base = normaliseBase(rawBase);
  const log: LoggedRequest[] = [];
  const rules = await loadHeaderRules(root);
  const files = new Map<string, CachedFile>();
  /** The file's cached body and hash, read again when its size or mtime changed; undefined when it cannot be read. */
  async function load(file: string): Promise<CachedFile | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const have = files.get(file);
    if (have && have.size === info.size && have.mtimeMs === info.mtimeMs) return have;
    const body = await readFile(file).catch(() => undefined);
    if (!body) return undefined;
    const entry: CachedFile = { size: info.size, mtimeMs: info.mtimeMs, body, hash: createHash('sha1').update(body).digest('base64url') };
    files.set(file, entry);
    return entry;
  }
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Server error: ${String(err)}`);
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A path is read as a path: `new URL('//sources', origin)` would take `sources` for a host.
    const raw = req.url ?? '/';
    const url = new URL(raw.startsWith('/') ? `http://127.0.0.1${raw}` : raw, 'http://127.0.0.1');
    if (!METHODS.has(req.method ?? 'GET')) {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', ...headersFor(rules, `${base}404.html`) }).end('Method not allowed');
      log.push({ path: url.pathname, status: 405, bytes: 0, type: '', gzip: false });
      return;
    }
    if (`${url.pathname}/` === base) {
      res.writeHead(301, { Location: base + url.search }).end();
      log.push({ path: url.pathname, status: 301, bytes: 0, type: '', gzip: false });
      return;
    }
    const inBase = url.pathname.startsWith(base);
    const found = inBase ? await resolveFile(root, url.pathname.slice(base.length - 1)) : undefined;
    if (found?.redirect) {
      res.writeHead(301, { Location: base.slice(0, -1) + found.redirect + url.search }).end();
      log.push({ path: url.pathname, status: 301, bytes: 0, type: '', gzip: false });
      return;
    }
    const status = found ? 200 : 404;
    const file = found?.file ?? join(root, '404.html');
    const cached = await load(file);
    const body = cached?.body ?? Buffer.from('Not found');
    const ext = extname(file);
    const extra = headersFor(rules, found ? url.pathname : `${base}404.html`);
    const type = extra['Content-Type'] ?? TYPES[ext] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    // Caching as a static host does it: what `_headers` says (hashed files: immutable), else revalidate every time.
    const etag = `"${cached?.hash ?? createHash('sha1').update(body).digest('base64url')}${gzip ? '-gz' : ''}"`;
    const cache = { 'Cache-Control': extra['Cache-Control'] ?? 'no-cache', ...(found && cached ? { ETag: etag } : {}) };
    if (found && String(req.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, { ...extra, ...cache, ...(COMPRESSIBLE.has(ext) ? { Vary: 'Accept-Encoding' } : {}) }).end();
      log.push({ path: url.pathname, status: 304, bytes: 0, type, gzip });
      return;
    }
    const sent = !gzip ? body : cached ? (cached.gzipped ??= gzipSync(body, { level: 9 })) : gzipSync(body, { level: 9 });
    res.writeHead(status, {
      ...extra,
      'Content-Type': type,
      'Content-Length': sent.byteLength,
      ...cache,
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : sent);
    log.push({ path: url.pathname, status, bytes: sent.byteLength, type, gzip });
  }
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    log,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

// `node src/server/serve-dist.ts [dir] [port]` (what `npm start` and `npm run preview` run).
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = normalize(join(process.cwd(), process.argv[2] ?? 'dist'));
  const base = normaliseBase(process.env.BASE_PATH);
  const server = await serveDist(root, Number(process.argv[3] ?? 4321), base);
  console.log(`Serving ${root} at ${server.url}${base}`);
}
