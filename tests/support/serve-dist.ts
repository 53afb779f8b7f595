/**
 * A static server for dist/ on 127.0.0.1 that logs every response with the
 * bytes it put on the wire. Hand-written rather than a library because the
 * benchmark needs exact per-request byte counts (including the requests a
 * Web Worker makes, which a page's own network events do not see), and the
 * whole thing is one small module.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

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

export interface DistServer {
  url: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

async function resolveFile(root: string, urlPath: string): Promise<{ file: string; redirect?: string } | undefined> {
  const decoded = decodeURIComponent(urlPath);
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return { file };
  if (info?.isDirectory()) {
    if (!decoded.endsWith('/')) return { file, redirect: `${urlPath}/` };
    const index = join(file, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return { file: index };
  }
  return undefined;
}

/** Serves `root` on 127.0.0.1 at a free port (or `port`). */
export async function serveDist(dir: string, port = 0): Promise<DistServer> {
  const root = resolve(dir);
  const log: LoggedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const found = await resolveFile(root, url.pathname);
    if (found?.redirect) {
      res.writeHead(301, { Location: found.redirect + url.search }).end();
      log.push({ path: url.pathname, status: 301, bytes: 0, type: '', gzip: false });
      return;
    }
    const status = found ? 200 : 404;
    const file = found?.file ?? join(root, '404.html');
    const body = await readFile(file).catch(() => Buffer.from('Not found'));
    const ext = extname(file);
    const type = TYPES[ext] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const sent = gzip ? gzipSync(body, { level: 9 }) : body;
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': sent.byteLength,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : sent);
    log.push({ path: url.pathname, status, bytes: sent.byteLength, type, gzip });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    log,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

// `node tests/support/serve-dist.ts [dir] [port]`: serve a built site by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = normalize(join(process.cwd(), process.argv[2] ?? 'dist'));
  const server = await serveDist(root, Number(process.argv[3] ?? 4321));
  console.log(`Serving ${root} at ${server.url}/`);
}
