/**
 * `npm run bench [-- --check]`: builds the site and measures it.
 *
 * Prints a table (and writes tests/bench/results.json): build time (median
 * of 3), dist size, per page type the requests and gzip-compressed bytes by
 * kind, JavaScript executed before any interaction, bytes fetched by a first
 * search and the time from last keystroke to first result, and a scale run
 * on 1,000 generated sources. Bytes are counted at the server, so requests
 * made by Pagefind's Web Worker are included. With --check, exits 1 when a
 * budget is broken. This is a measurement script, not a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { startHarness, type Harness } from '../support/browser.ts';
import { buildFixtureProject } from '../support/fixture-project.ts';
import { DIST, ROOT } from '../support/paths.ts';
import { syntheticLines, syntheticSources } from './synthetic-sources.ts';
import { paragraphsOf } from '../../src/pipeline/load-sources.ts';

const check = process.argv.includes('--check');
const skipScale = process.argv.includes('--no-scale');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function timeBuild(cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error(`build failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return performance.now() - start;
}

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    const p = join(dir, e.name);
    return n + (e.isDirectory() ? dirSize(p) : statSync(p).size);
  }, 0);
}

type Kind = 'html' | 'css' | 'js' | 'other';
const kindOf = (type: string): Kind => (type.startsWith('text/html') ? 'html' : type.startsWith('text/css') ? 'css' : type.includes('javascript') ? 'js' : 'other');

interface PageFigures {
  path: string;
  requests: number;
  bytes: Record<Kind, number>;
  /** gzip size of JavaScript that ran before any interaction (inline and external). */
  jsExecutedGzip: number;
  foreignRequests: string[];
  fontRequests: number;
}

async function measurePage(h: Harness, path: string): Promise<PageFigures> {
  const context = await h.context();
  const foreign: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(h.server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  const page = await context.newPage();
  await page.coverage.startJSCoverage({ resetOnNavigation: false, reportAnonymousScripts: false });
  const from = h.server.log.length;
  await page.goto(path, { waitUntil: 'networkidle' });
  const coverage = await page.coverage.stopJSCoverage();
  const log = h.server.log.slice(from);
  const bytes: Record<Kind, number> = { html: 0, css: 0, js: 0, other: 0 };
  for (const r of log) bytes[kindOf(r.type)] += r.bytes;
  const ran = coverage.filter((c) => c.functions.some((f) => f.ranges.some((r) => r.count > 0)));
  const jsExecutedGzip = ran.reduce((n, c) => n + gzipSync(c.source ?? '').byteLength, 0);
  await context.close();
  return { path, requests: log.length, bytes, jsExecutedGzip, foreignRequests: foreign, fontRequests: log.filter((r) => /\.(woff2?|ttf|otf)$/.test(r.path)).length };
}

interface SearchFigures {
  query: string;
  bytesFetched: number;
  requests: number;
  msToFirstResult: number;
}

async function measureSearch(h: Harness, query: string): Promise<SearchFigures> {
  const context = await h.context();
  const page = await context.newPage();
  await page.goto('/search/', { waitUntil: 'networkidle' });
  await page.evaluate(() => {
    const w = window as unknown as { firstResultAt?: number; lastInputAt?: number };
    // The clock starts at the page's own last input event, not when the driver returns.
    document.getElementById('q')!.addEventListener('input', () => (w.lastInputAt = performance.now()));
    new MutationObserver((_, obs) => {
      if (document.querySelector('#search-results .result')) {
        w.firstResultAt = performance.now();
        obs.disconnect();
      }
    }).observe(document.getElementById('search-results')!, { childList: true, subtree: true });
  });
  const from = h.server.log.length;
  await page.locator('#q').focus();
  for (const ch of query) await page.keyboard.type(ch, { delay: 40 });
  await page.locator('#search-results .result').first().waitFor({ timeout: 30_000 });
  const { firstResultAt, lastKey } = await page.evaluate(() => {
    const w = window as unknown as { firstResultAt: number; lastInputAt: number };
    return { firstResultAt: w.firstResultAt, lastKey: w.lastInputAt };
  });
  await page.waitForLoadState('networkidle');
  const log = h.server.log.slice(from);
  await context.close();
  return { query, bytesFetched: log.reduce((n, r) => n + r.bytes, 0), requests: log.length, msToFirstResult: Math.max(0, firstResultAt - lastKey) };
}

function cssHasFontFace(dist: string): boolean {
  const dir = join(dist, '_astro');
  return readdirSync(dir).filter((f) => f.endsWith('.css')).some((f) => /@font-face/.test(readFileSync(join(dir, f), 'utf8')));
}

/** The source pipeline alone (split, classify, anchor) on one generated source of `lines` lines. */
function timePipeline(lines: number): { ms: number; blocks: number } {
  const text = syntheticLines(lines);
  const start = performance.now();
  const blocks = paragraphsOf(text).length;
  return { ms: performance.now() - start, blocks };
}

// ---- run -------------------------------------------------------------------
const pipelineRuns = [timePipeline(50_000), timePipeline(50_000), timePipeline(50_000)];
const builds = [timeBuild(ROOT), timeBuild(ROOT), timeBuild(ROOT)];
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  compression: 'gzip -9, applied by the benchmark server per response (Pagefind index files are already compressed and sent as is)',
  buildMsMedian: Math.round(median(builds)),
  buildMsRuns: builds.map(Math.round),
  distBytes: dirSize(DIST),
  pipeline50kLinesMsMedian: Math.round(median(pipelineRuns.map((r) => r.ms))),
  pipeline50kLinesMsRuns: pipelineRuns.map((r) => Math.round(r.ms)),
};

const h = await startHarness();
const pages: Record<string, PageFigures> = {};
try {
  for (const [name, path] of [['home', '/'], ['thesis', '/theses/nato-expansion/'], ['source', '/sources/trenin-2021/'], ['search', '/search/']] as const) {
    pages[name] = await measurePage(h, path);
  }
  results.pages = pages;
  results.search = [await measureSearch(h, 'opportunist'), await measureSearch(h, 'Kaliningrad')];
} finally {
  await h.close();
}

let scale: { sources: number; paragraphs: number; buildMs: number; indexBytes: number; search: SearchFigures[] } | undefined;
if (!skipScale) {
  const corpus = syntheticSources(1000, 40);
  const project = buildFixtureProject({
    theses: Object.fromEntries(readdirSync(join(ROOT, 'content/theses')).map((f) => [f, readFileSync(join(ROOT, 'content/theses', f), 'utf8')])),
    extraSources: corpus,
    timed: true,
  });
  try {
    if (project.status !== 0) throw new Error(`scale build failed:\n${project.output.slice(-3000)}`);
    const hs = await startHarness(join(project.dir, 'dist'));
    try {
      scale = { sources: 1000, paragraphs: 1000 * 40, buildMs: Math.round(project.ms ?? 0), indexBytes: dirSize(join(project.dir, 'dist/pagefind')), search: [await measureSearch(hs, 'Kaliningrad'), await measureSearch(hs, 'Kremlin')] };
    } finally {
      await hs.close();
    }
  } finally {
    project.remove();
  }
  results.scale = scale;
}

// ---- report ----------------------------------------------------------------
const rows: [string, string][] = [
  ['Build time (median of 3)', `${(Number(results.buildMsMedian) / 1000).toFixed(2)} s (${builds.map((b) => (b / 1000).toFixed(2)).join(', ')})`],
  ['dist/ size', kb(Number(results.distBytes))],
  ['pipeline: one 50,000-line source, split + classify + anchor (median of 3)', `${(Number(results.pipeline50kLinesMsMedian) / 1000).toFixed(2)} s (${pipelineRuns.map((r) => (r.ms / 1000).toFixed(2)).join(', ')}; ${pipelineRuns[0]!.blocks.toLocaleString('en-GB')} blocks)`],
];
for (const [name, p] of Object.entries(pages)) {
  rows.push([`${name} ${p.path}: requests`, String(p.requests)]);
  rows.push([`${name}: HTML / CSS / JS / other (gzip)`, `${kb(p.bytes.html)} / ${kb(p.bytes.css)} / ${kb(p.bytes.js)} / ${kb(p.bytes.other)}`]);
  rows.push([`${name}: JS executed before interaction (gzip)`, kb(p.jsExecutedGzip)]);
}
for (const s of results.search as SearchFigures[]) {
  rows.push([`search "${s.query}": first query fetched`, `${kb(s.bytesFetched)} in ${s.requests} requests`]);
  rows.push([`search "${s.query}": last keystroke → first result`, `${Math.round(s.msToFirstResult)} ms`]);
}
if (scale) {
  rows.push(['scale: 1,000 sources × 40 paragraphs, build', `${(scale.buildMs / 1000).toFixed(1)} s`]);
  rows.push(['scale: Pagefind index size', kb(scale.indexBytes)]);
  for (const s of scale.search) {
    rows.push([`scale: first query "${s.query}" fetched`, `${kb(s.bytesFetched)} in ${s.requests} requests, ${Math.round(s.msToFirstResult)} ms to first result`]);
  }
}
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\n${results.machine}; ${results.date}; bytes: ${results.compression}\n`);
console.log(`| ${'Measure'.padEnd(width)} | Value |\n|${'-'.repeat(width + 2)}|-------|`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);

// ---- budgets ---------------------------------------------------------------
const budgets: [string, boolean][] = [
  ...(['home', 'thesis', 'source'] as const).map((n): [string, boolean] => [`${n}: JS before interaction ≤ 3 kB gzip (citation preview and enhancements only)`, pages[n]!.jsExecutedGzip <= 3 * 1024]),
  ['home: HTML + CSS ≤ 14 kB gzip', pages.home!.bytes.html + pages.home!.bytes.css <= 14 * 1024],
  ['thesis: HTML + CSS ≤ 40 kB gzip', pages.thesis!.bytes.html + pages.thesis!.bytes.css <= 40 * 1024],
  ['no web fonts (no font requests, no @font-face)', Object.values(pages).every((p) => p.fontRequests === 0) && !cssHasFontFace(DIST)],
  ['no request leaves the origin', Object.values(pages).every((p) => p.foreignRequests.length === 0)],
  ...(skipScale ? [] : [['1,000-source build finishes; a first search (rare and common word) fetches < 300 kB', !!scale && scale.search.every((s) => s.bytesFetched < 300 * 1024)] as [string, boolean]]),
];
results.budgets = Object.fromEntries(budgets);
console.log('\nBudgets:');
for (const [name, ok] of budgets) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
mkdirSync(join(ROOT, 'tests/bench'), { recursive: true });
writeFileSync(join(ROOT, 'tests/bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nWritten: tests/bench/results.json');
if (check && budgets.some(([, ok]) => !ok)) process.exit(1);
