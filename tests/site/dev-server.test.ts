/**
 * Under `npm run dev`, editing a seed updates both its source page and the
 * thesis pages that cite it, or reports the citation the edit broke; and the
 * search page, which has no index there, says that search needs a build.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { copyFixtureProject } from '../support/fixture-project.ts';
import { FIXTURES } from '../support/paths.ts';
import { buildEnv } from '../support/build-env.ts';
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM } from '../support/browser.ts';

const SEED = 'seeds/fixture-dev.txt';
const QUOTED = 'The quoted sentence stays exactly as the thesis cites it.';
const text = (quoted: string, other: string) =>
  ['Dev fixture', `An opening paragraph of plain prose that sets the scene for the reader, long enough to be article text. ${quoted}`, `${other} This second paragraph carries more ordinary prose so that the source has two article paragraphs.`].join('\n');

let dir: string;
let dev: ChildProcess;
let base: string;
let log = '';

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

async function get(path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.text() };
}

/** Polls until `check` holds for the page (the watcher needs a moment), or gives up after 60 s. */
async function until(path: string, check: (r: { status: number; body: string }) => boolean) {
  let last = { status: 0, body: '' };
  for (let i = 0; i < 240; i++) {
    last = await get(path).catch(() => last);
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

beforeAll(async () => {
  dir = copyFixtureProject({
    theses: { 'dev.mdx': readFileSync(join(FIXTURES, 'theses/valid/dev-citing.mdx'), 'utf8') },
    extraSources: {
      files: { 'fixture-dev.txt': text(QUOTED, 'First version of the other paragraph.') },
      manifest: '- id: fixture-dev\n  file: fixture-dev.txt\n  title: Dev fixture\n',
    },
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: buildEnv({ NO_COLOR: '1', FORCE_COLOR: '0' }),
  });
  dev.stdout?.on('data', (d) => (log += d));
  dev.stderr?.on('data', (d) => (log += d));
  await until('/theses/dev/', (r) => r.status === 200);
}, 120_000);

afterAll(() => {
  dev?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('the dev server renders the thesis with its citation', async () => {
  const page = await get('/theses/dev/');
  expect(page.status, log).toBe(200);
  // Its markers link to the cited paragraphs, whose anchors are made from their text.
  expect(page.body).toContain('#p-first-version-of-the');
});

test('the search page says that search needs a build, instead of searching forever', { timeout: 120_000 }, async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/search/?q=NATO`);
    const status = page.locator('#search-status');
    await status.filter({ hasText: /needs a build/ }).waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toContain('Run “npm run build” and “npm run preview” to search.');
    expect(await page.locator('.result').count()).toBe(0);
  } finally {
    await browser.close();
  }
});

test('editing a cited paragraph outside the quoted words updates the source page and the thesis page', { timeout: 150_000 }, async () => {
  writeFileSync(join(dir, SEED), text(QUOTED, 'Second version of the other paragraph.'));
  const source = await until('/sources/fixture-dev/', (r) => r.body.includes('Second version'));
  expect(source.body).toContain('Second version of the other paragraph.');
  // The edited paragraph has a new anchor, and the thesis's marker links to it.
  const thesis = await until('/theses/dev/', (r) => r.body.includes('#p-second-version-of-the'));
  expect(thesis.status).toBe(200);
  expect(thesis.body).toContain('#p-second-version-of-the');
  expect(thesis.body).not.toContain('#p-first-version-of-the');
});

test('editing the cited words reports the broken citation instead of serving stale text', { timeout: 150_000 }, async () => {
  writeFileSync(join(dir, SEED), text('The quoted sentence was changed by an editor.', 'Second version of the other paragraph.'));
  const thesis = await until('/theses/dev/', (r) => r.status >= 500);
  expect(thesis.status).toBe(500);
  await until('/theses/dev/', () => /not-found/.test(log));
  expect(log).toMatch(/content\/theses\/dev\.mdx:\d+:\d+ .*not-found/);
});
