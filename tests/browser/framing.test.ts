/**
 * Clickjacking: served with the site's _headers (as Netlify and Cloudflare
 * Pages serve it, and as the test server applies it), a page refuses to be
 * framed by another origin (CSP frame-ancestors 'none', which a <meta> policy
 * cannot carry). Control: the same page served without _headers can be framed.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useHarness } from '../support/use-harness.ts';
import { serveDist, type DistServer } from '../support/serve-dist.ts';
import { DIST } from '../support/paths.ts';

const harness = useHarness();
let bare: DistServer;
let bareDir: string;
let framer: DistServer;
let framerDir: string;

beforeAll(async () => {
  // The same built page, without _headers.
  bareDir = mkdtempSync(join(tmpdir(), 'framing-bare-'));
  cpSync(join(DIST, 'about'), join(bareDir, 'about'), { recursive: true });
  bare = await serveDist(bareDir);
  // Another origin (another port) whose page frames the site.
  framerDir = mkdtempSync(join(tmpdir(), 'framing-framer-'));
  framer = await serveDist(framerDir);
});
afterAll(async () => {
  await bare?.close();
  await framer?.close();
  rmSync(bareDir, { recursive: true, force: true });
  rmSync(framerDir, { recursive: true, force: true });
});

/** Frames `src` from a page of another origin; says whether the framed page's content loaded. */
async function framed(page: Page, src: string): Promise<boolean> {
  await page.goto(`${framer.url}/no-such-page`); // any page of the framing origin
  await page.setContent(`<iframe src="${src}" width="800" height="600"></iframe>`);
  const frameEl = await page.waitForSelector('iframe');
  await page.waitForTimeout(50);
  const frame = await frameEl.contentFrame();
  if (!frame) return false;
  await frame.waitForLoadState('load').catch(() => {});
  return (await frame.locator('#main').count().catch(() => 0)) > 0;
}

test('the site sends frame-ancestors \'none\' in a header on a page, a text and a data file', async () => {
  const ctx = await harness.current.context();
  for (const path of ['/about/', '/sources/trenin-2021.txt', '/data/paragraphs.json']) {
    const res = await ctx.request.get(path);
    expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
});

test('a page served with _headers refuses to be framed; served without, it can be (control)', async () => {
  const page = await (await harness.current.context()).newPage();
  expect(await framed(page, `${bare.url}/about/`)).toBe(true);
  expect(await framed(page, `${harness.current.server.url}/about/`)).toBe(false);
});
