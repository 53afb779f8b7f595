/**
 * Debian's Chromium driven by playwright-core, against dist/ served on
 * 127.0.0.1. Nothing is downloaded: the executable is found by
 * ./find-chromium.ts (CHROMIUM_PATH, else `chromium` on PATH, else
 * /usr/bin/chromium), the same lookup `.ci/run` uses.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { serveDist, type DistServer } from './serve-dist.ts';
import { DIST } from './paths.ts';
import { chromiumPath } from './find-chromium.ts';

export const CHROMIUM = chromiumPath();

/** Flags that keep Chromium off the (closed) network and quiet as root in CI. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Harness {
  browser: Browser;
  server: DistServer;
  context(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Serves `root` under `base` (a sub-path build is served where it was built for). */
export async function startHarness(root = DIST, base = '/'): Promise<Harness> {
  const server = await serveDist(root, 0, base);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    server,
    async context(options) {
      const ctx = await browser.newContext({ baseURL: server.url, ...options });
      contexts.push(ctx);
      return ctx;
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser.close();
      await server.close();
    },
  };
}

