/**
 * `npm run bench [-- --check]`: builds the site and measures it.
 *
 * Prints a table (and writes tests/bench/results.json): the seed build's time
 * cold (every cache removed: Astro's, Vite's, and the citation and source
 * caches of node_modules/.cache/what-putin-wants) and warm (caches in place),
 * 3 of each, alternating, medians, wall clock and CPU (user + system, less
 * sensitive to other work on the machine), dist size, per page type the requests and gzip-compressed bytes by
 * kind, JavaScript executed before any interaction, bytes fetched by a first
 * search (every /pagefind/ file since the page opened, by file) and the time
 * from last keystroke to first result, Enter in a reading page's header box
 * to first result, and a scale run on generated sources (`--sources N`,
 * default 1,000; above that, 1,000 is built too, to show how build time
 * grows): build time, peak memory, dist/ and index size, first-search bytes
 * and latency for a rare and a common word, and (at 1,000) a rebuild after
 * editing one thesis. Bytes are counted at the server, so requests made by a
 * Web Worker would be included. With --check, exits 1 when a budget is
 * broken. This is a measurement script, not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { startHarness, type Harness } from '../support/browser.ts';
import { copyFixtureProject } from '../support/fixture-project.ts';
import { DIST, ROOT } from '../support/paths.ts';
import { THESIS_MAX_FETCH_BYTES, THESIS_MAX_HEIGHT_PX } from '../support/reader-budgets.ts';
import { syntheticLines, syntheticSources } from './synthetic-sources.ts';
import { paragraphsOf } from '../../src/pipeline/load-sources.ts';
import { extractSpeech } from '../../src/pipeline/speech.ts';
import { STARLIGHT_VERSION, removeStarlightCaches, starlightProject } from './starlight.ts';

const check = process.argv.includes('--check');
/** `--quick`: no timed builds, no pipeline run and no scale run; measures the dist/ already built (for iterating, not for the README). */
const quick = process.argv.includes('--quick');
const skipScale = quick || process.argv.includes('--no-scale');
/** `--tests`: also time `npm test` (3 runs, median) against its budget. */
const timeTests = process.argv.includes('--tests');
/** `--sources N`: the scale run's size (default 1,000; above 1,000 the 1,000-source run is kept for comparison). */
const sourcesAt = process.argv.indexOf('--sources');
const scaleSources = sourcesAt > 0 ? Number(process.argv[sourcesAt + 1]) : 1000;
if (!Number.isInteger(scaleSources) || scaleSources < 1) throw new Error(`--sources needs a positive whole number, got ${process.argv[sourcesAt + 1]}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

const GNU_TIME = '/usr/bin/time';
/** `astro build` in `cwd`, timed, with peak memory and CPU time (user + system) when GNU time is available. */
function timedBuild(cwd: string, env: Record<string, string> = {}): { ms: number; peakRssBytes: number | null; cpuMs: number | null } {
  const useTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
  const args = ['node_modules/astro/bin/astro.mjs', 'build'];
  const options = { cwd, encoding: 'utf8' as const, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env } };
  const start = performance.now();
  const r = useTime ? spawnSync(GNU_TIME, ['-f', 'peak-rss-kb=%M cpu-s=%U+%S', process.execPath, ...args], options) : spawnSync(process.execPath, args, options);
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`build failed in ${cwd}:\n${(r.stdout + r.stderr).slice(-3000)}`);
  const kbPeak = /peak-rss-kb=(\d+)/.exec(r.stderr)?.[1];
  const cpu = /cpu-s=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { ms, peakRssBytes: kbPeak ? Number(kbPeak) * 1024 : null, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null };
}

/** Every cache a build of `root` keeps between runs: removing them all is a cold build. */
function removeBuildCaches(root: string): void {
  for (const dir of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache/what-putin-wants', '.cache']) rmSync(join(root, dir), { recursive: true, force: true });
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
  /** Every /pagefind/ request since the page was opened (idle or focus preloading included), and anything else fetched after typing began. */
  bytesFetched: number;
  requests: number;
  msToFirstResult: number;
  /** Bytes by file kind (pagefind.js, wasm, index, fragment, …). */
  byFile: Record<string, number>;
}

/** What a Pagefind request is, for the per-file breakdown. */
const fileKind = (path: string) =>
  /\/pagefind\/(fragment|index|filter)\//.exec(path)?.[1] ?? (path.startsWith('/pagefind/') ? path.slice('/pagefind/'.length).replace(/\.[0-9a-f]{6,}\./, '.*.').replace(/^wasm\..*/, 'wasm') : path);

function bytesOf(log: { path: string; bytes: number }[]): { bytes: number; byFile: Record<string, number> } {
  const byFile: Record<string, number> = {};
  for (const r of log) byFile[fileKind(r.path)] = (byFile[fileKind(r.path)] ?? 0) + r.bytes;
  return { bytes: log.reduce((n, r) => n + r.bytes, 0), byFile };
}

/**
 * In every page: the epoch time of the last input event and of Enter (capture
 * phase, before the page's own handlers), and for each query the time its
 * first result appeared (results carry data-q; a result for a query typed
 * past counts for that query only, not for the final one).
 */
function instrument() {
  const w = window as unknown as { lastInputAt?: number; resultAt: Record<string, number> };
  const now = () => performance.timeOrigin + performance.now();
  w.resultAt = {};
  addEventListener('input', () => (w.lastInputAt = now()), true);
  addEventListener('keydown', (e) => e.key === 'Enter' && sessionStorage.setItem('enterAt', String(now())), true);
  new MutationObserver(() => {
    for (const ol of document.querySelectorAll<HTMLElement>('#search-results ol[data-q]')) {
      const q = ol.dataset.q!;
      if (!(q in w.resultAt) && ol.querySelector('.result')) w.resultAt[q] = now();
    }
  }).observe(document, { childList: true, subtree: true });
}
const resultAt = (q: string) => (window as unknown as { resultAt: Record<string, number> }).resultAt[q];

/** On /search/ in a fresh context: type the query at 50 ms a key; last keystroke → first result for it. */
async function measureSearch(h: Harness, query: string): Promise<SearchFigures> {
  const context = await h.context();
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const opened = h.server.log.length;
  await page.goto('/search/', { waitUntil: 'networkidle' });
  const typing = h.server.log.length;
  await page.locator('#q').focus();
  for (const ch of query) await page.keyboard.type(ch, { delay: 50 });
  await page.waitForFunction(resultAt, query, { timeout: 60_000 });
  const { firstResultAt, lastInputAt } = await page.evaluate((q) => {
    const w = window as unknown as { resultAt: Record<string, number>; lastInputAt: number };
    return { firstResultAt: w.resultAt[q]!, lastInputAt: w.lastInputAt };
  }, query);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500); // the rest of the first page of results
  const log = h.server.log.slice(opened).filter((r, i) => r.path.startsWith('/pagefind/') || opened + i >= typing);
  await context.close();
  const { bytes, byFile } = bytesOf(log);
  return { query, bytesFetched: bytes, requests: log.length, msToFirstResult: firstResultAt - lastInputAt, byFile };
}

/** From the header box of a reading page: focus, type, Enter → first result on /search/ (bytes after the reading page loaded). */
async function measureHeaderSearch(h: Harness, from: string, query: string): Promise<SearchFigures> {
  const context = await h.context();
  await context.addInitScript(instrument);
  const page = await context.newPage();
  await page.goto(from, { waitUntil: 'networkidle' });
  const start = h.server.log.length;
  await page.locator('#site-search-q').focus();
  for (const ch of query) await page.keyboard.type(ch, { delay: 50 });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\//);
  await page.waitForFunction(resultAt, query, { timeout: 60_000 });
  const ms = await page.evaluate((q) => (window as unknown as { resultAt: Record<string, number> }).resultAt[q]! - Number(sessionStorage.getItem('enterAt')), query);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const log = h.server.log.slice(start);
  await context.close();
  const { bytes, byFile } = bytesOf(log);
  return { query, bytesFetched: bytes, requests: log.length, msToFirstResult: ms, byFile };
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
const pipelineRuns = quick ? [{ ms: NaN, blocks: 0 }] : [timePipeline(50_000), timePipeline(50_000), timePipeline(50_000)];
// Cold and warm seed builds, and Starlight building the same texts cold (tests/bench/starlight.ts), alternating
// (the machine's other work spreads over all three), 5 of each.
const RUNS = 5;
const coldBuilds: ReturnType<typeof timedBuild>[] = [];
const warmBuilds: ReturnType<typeof timedBuild>[] = [];
const starlightBuilds: ReturnType<typeof timedBuild>[] = [];
const starlightDir = quick ? undefined : starlightProject();
if (!quick)
  for (let i = 0; i < RUNS; i++) {
    removeBuildCaches(ROOT);
    coldBuilds.push(timedBuild(ROOT));
    warmBuilds.push(timedBuild(ROOT));
    removeStarlightCaches(starlightDir!);
    starlightBuilds.push(timedBuild(starlightDir!));
  }
const builds = quick ? [NaN] : coldBuilds.map((b) => b.ms);
const cpuMedian = (runs: ReturnType<typeof timedBuild>[]) => (runs.length && runs.every((r) => r.cpuMs !== null) ? Math.round(median(runs.map((r) => r.cpuMs!))) : null);
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  compression: 'gzip -9, applied by the benchmark server per response (Pagefind index files are already compressed and sent as is)',
  buildMsMedian: Math.round(median(builds)),
  buildMsRuns: builds.map(Math.round),
  buildCpuMsMedian: cpuMedian(coldBuilds),
  warmBuildMsMedian: quick ? NaN : Math.round(median(warmBuilds.map((b) => b.ms))),
  warmBuildMsRuns: warmBuilds.map((b) => Math.round(b.ms)),
  warmBuildCpuMsMedian: cpuMedian(warmBuilds),
  starlight: STARLIGHT_VERSION,
  starlightBuildMsMedian: quick ? NaN : Math.round(median(starlightBuilds.map((b) => b.ms))),
  starlightBuildMsRuns: starlightBuilds.map((b) => Math.round(b.ms)),
  starlightBuildCpuMsMedian: cpuMedian(starlightBuilds),
  distBytes: dirSize(DIST),
  pipeline50kLinesMsMedian: Math.round(median(pipelineRuns.map((r) => r.ms))),
  pipeline50kLinesMsRuns: pipelineRuns.map((r) => Math.round(r.ms)),
};

const h = await startHarness();
const pages: Record<string, PageFigures> = {};
const theses: Record<string, { path: string; fetchedBytes: number; heightPx: number }> = {};
try {
  for (const [name, path] of [['home', '/'], ['thesis', '/theses/nato-expansion/'], ['source', '/sources/trenin-2021/'], ['search', '/search/']] as const) {
    pages[name] = await measurePage(h, path);
  }
  results.pages = pages;
  // Every thesis: all it fetches with no interaction, and its height at 1280 × 900 with every disclosure closed.
  for (const slug of readdirSync(join(DIST, 'theses')).filter((f) => existsSync(join(DIST, 'theses', f, 'index.html'))).sort()) {
    const path = `/theses/${slug}/`;
    const figures = await measurePage(h, path);
    const context = await h.context({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'networkidle' });
    const heightPx = await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = false;
      return document.documentElement.scrollHeight;
    });
    await context.close();
    theses[slug] = { path, fetchedBytes: Object.values(figures.bytes).reduce((a, b) => a + b, 0), heightPx };
  }
  results.theses = theses;
  results.search = [await measureSearch(h, 'NATO expansion'), await measureSearch(h, 'opportunist'), await measureSearch(h, 'Kaliningrad')];
  results.headerSearch = await measureHeaderSearch(h, '/theses/nato-expansion/', 'NATO expansion');
} finally {
  await h.close();
}

interface ScaleFigures {
  sources: number;
  paragraphs: number;
  buildMs: number;
  /** Peak resident memory of the build process (GNU time's %M), when /usr/bin/time is there. */
  peakRssBytes: number | null;
  distBytes: number;
  indexBytes: number;
  search: SearchFigures[];
  /** Build again after editing one thesis (the content layer's cache in place). */
  rebuildAfterThesisEditMs?: number;
}

/** Builds real seeds + `n` generated sources of 40 paragraphs in a temporary folder and measures it. */
async function scaleRun(n: number, opts: { rebuild: boolean }): Promise<ScaleFigures> {
  const thesesDir = join(ROOT, 'content/theses');
  const theses = Object.fromEntries(readdirSync(thesesDir).map((f) => [f, readFileSync(join(thesesDir, f), 'utf8')]));
  const dir = copyFixtureProject({ theses, extraSources: syntheticSources(n, 40) });
  // The copy's own citation and source caches (node_modules is shared with the project): its first build is cold.
  const env = { WPW_CACHE_DIR: join(dir, '.cache', 'what-putin-wants') };
  try {
    const build = timedBuild(dir, env);
    let rebuildAfterThesisEditMs: number | undefined;
    if (opts.rebuild) {
      const file = join(dir, 'content/theses', Object.keys(theses).sort()[0]!);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^teaser: "(.*)"$/m, 'teaser: "$1 (Edited.)"'));
      rebuildAfterThesisEditMs = Math.round(timedBuild(dir, env).ms);
    }
    const hs = await startHarness(join(dir, 'dist'));
    try {
      return {
        sources: n,
        paragraphs: n * 40,
        buildMs: Math.round(build.ms),
        peakRssBytes: build.peakRssBytes,
        distBytes: dirSize(join(dir, 'dist')),
        indexBytes: dirSize(join(dir, 'dist/pagefind')),
        search: [await measureSearch(hs, 'Kaliningrad'), await measureSearch(hs, 'Kremlin')],
        ...(rebuildAfterThesisEditMs === undefined ? {} : { rebuildAfterThesisEditMs }),
      };
    } finally {
      await hs.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scales: ScaleFigures[] = [];
if (!skipScale) {
  scales.push(await scaleRun(1000, { rebuild: true }));
  if (scaleSources !== 1000) scales.push(await scaleRun(scaleSources, { rebuild: false }));
  results.scale = scales;
}
const seedBuildMs = Number(results.buildMsMedian);
/** Build time added per source beyond the seed build: linear growth keeps this flat as n grows. */
const perSource = (s: ScaleFigures) => (s.buildMs - seedBuildMs) / s.sources;
if (scales.length === 2) results.growth = { msPerSource1000: perSource(scales[0]!), msPerSourceN: perSource(scales[1]!), ratio: perSource(scales[1]!) / perSource(scales[0]!) };

// ---- the test suite: `npm test`, 3 runs, median --------------------------------
const testRuns: number[] = [];
if (timeTests)
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync('npm', ['test'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, PATH: `${join(ROOT, 'node_modules/node/bin')}:${process.env.PATH ?? ''}` } });
    testRuns.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`npm test failed:\n${(r.stdout + r.stderr).slice(-3000)}`);
  }
if (testRuns.length) results.testMsRuns = testRuns.map(Math.round);

// ---- hostile text: the speech stage stays linear --------------------------------
const speechMs = (marks: number): number => {
  const text = '“x” "'.repeat(marks / 2);
  const t0 = performance.now();
  extractSpeech([{ text }]);
  return performance.now() - t0;
};
speechMs(10_000); // warm up
const hostile = { ms10k: Math.max(speechMs(10_000), 1), ms100k: speechMs(100_000) };
results.hostileSpeech = hostile;

// ---- report ----------------------------------------------------------------
const n = (x: number) => x.toLocaleString('en-GB');
const secs = (ms: number) => (ms / 1000).toFixed(2);
function buildRow(runs: ReturnType<typeof timedBuild>[]): string {
  if (!runs.length) return 'not run (--quick)';
  const cpu = cpuMedian(runs);
  return `${secs(median(runs.map((r) => r.ms)))} s wall (${runs.map((r) => secs(r.ms)).join(', ')})${cpu === null ? '' : `, ${secs(cpu)} s CPU`}`;
}
const rows: [string, string][] = [
  [`Seed build, cold: caches removed (median of ${RUNS}, alternating with warm and Starlight)`, buildRow(coldBuilds)],
  [`Seed build, warm: caches in place (median of ${RUNS})`, buildRow(warmBuilds)],
  [`Starlight ${STARLIGHT_VERSION} building the same texts, cold (median of ${RUNS})`, buildRow(starlightBuilds)],
  ['dist/ size', kb(Number(results.distBytes))],
  ['pipeline: one 50,000-line source, split + classify + anchor (median of 3)', `${(Number(results.pipeline50kLinesMsMedian) / 1000).toFixed(2)} s (${pipelineRuns.map((r) => (r.ms / 1000).toFixed(2)).join(', ')}; ${pipelineRuns[0]!.blocks.toLocaleString('en-GB')} blocks)`],
];
for (const [name, p] of Object.entries(pages)) {
  rows.push([`${name} ${p.path}: requests`, String(p.requests)]);
  rows.push([`${name}: HTML / CSS / JS / other (gzip)`, `${kb(p.bytes.html)} / ${kb(p.bytes.css)} / ${kb(p.bytes.js)} / ${kb(p.bytes.other)}`]);
  rows.push([`${name}: JS executed before interaction (gzip)`, kb(p.jsExecutedGzip)]);
}
for (const t of Object.values(theses)) rows.push([`thesis ${t.path}: fetched with no interaction (gzip) / height at 1280 × 900`, `${kb(t.fetchedBytes)} / ${n(t.heightPx)} px`]);
const files = (s: SearchFigures) => Object.entries(s.byFile).sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${kb(n)}`).join(', ');
for (const s of results.search as SearchFigures[]) {
  rows.push([`search "${s.query}": first query fetched`, `${kb(s.bytesFetched)} in ${s.requests} requests (${files(s)})`]);
  rows.push([`search "${s.query}": last keystroke → first result`, `${Math.round(s.msToFirstResult)} ms`]);
}
const hdr = results.headerSearch as SearchFigures;
rows.push([`header box on a thesis, "${hdr.query}": Enter → first result`, `${Math.round(hdr.msToFirstResult)} ms, ${kb(hdr.bytesFetched)} in ${hdr.requests} requests (focus to results)`]);
for (const sc of scales) {
  const tag = `scale ${n(sc.sources)}`;
  rows.push([`${tag}: sources × 40 paragraphs, build`, `${(sc.buildMs / 1000).toFixed(1)} s, peak memory ${sc.peakRssBytes === null ? 'n/a' : `${(sc.peakRssBytes / 2 ** 20).toFixed(0)} MiB`}`]);
  rows.push([`${tag}: dist/ size / Pagefind index size`, `${(sc.distBytes / 2 ** 20).toFixed(1)} MiB / ${(sc.indexBytes / 2 ** 20).toFixed(1)} MiB`]);
  for (const s of sc.search) rows.push([`${tag}: first query "${s.query}"`, `${kb(s.bytesFetched)} in ${s.requests} requests, ${Math.round(s.msToFirstResult)} ms to first result`]);
  if (sc.rebuildAfterThesisEditMs !== undefined) rows.push([`${tag}: rebuild after editing one thesis`, `${(sc.rebuildAfterThesisEditMs / 1000).toFixed(1)} s`]);
}
if (scales.length === 2) {
  const g = results.growth as { msPerSource1000: number; msPerSourceN: number; ratio: number };
  rows.push([`build time per source beyond the seeds, 1,000 → ${n(scales[1]!.sources)}`, `${g.msPerSource1000.toFixed(1)} ms → ${g.msPerSourceN.toFixed(1)} ms (× ${g.ratio.toFixed(2)})`]);
}
if (testRuns.length) rows.push(['npm test (median of 3)', `${secs(median(testRuns))} s (${testRuns.map(secs).join(', ')})`]);
rows.push(['speech stage on 10,000 / 100,000 quotation marks in one paragraph', `${Math.round(hostile.ms10k)} ms / ${Math.round(hostile.ms100k)} ms`]);
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\n${results.machine}; ${results.date}; bytes: ${results.compression}\n`);
console.log(`| ${'Measure'.padEnd(width)} | Value |\n|${'-'.repeat(width + 2)}|-------|`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);

// ---- budgets ---------------------------------------------------------------
const budgets: [string, boolean][] = [
  ...(['home', 'thesis', 'source'] as const).map((n): [string, boolean] => [`${n}: JS before interaction ≤ 3 kB gzip (citation preview and enhancements only)`, pages[n]!.jsExecutedGzip <= 3 * 1024]),
  ['home: HTML + CSS ≤ 14 kB gzip', pages.home!.bytes.html + pages.home!.bytes.css <= 14 * 1024],
  ['thesis: HTML + CSS ≤ 40 kB gzip', pages.thesis!.bytes.html + pages.thesis!.bytes.css <= 40 * 1024],
  [`every thesis: fetched with no interaction ≤ ${kb(THESIS_MAX_FETCH_BYTES)} gzip (0.3 × Starlight's page of the same prose)`, Object.values(theses).length > 0 && Object.values(theses).every((t) => t.fetchedBytes <= THESIS_MAX_FETCH_BYTES)],
  [`every thesis: at most ${n(THESIS_MAX_HEIGHT_PX)} px tall at 1280 × 900, disclosures closed`, Object.values(theses).length > 0 && Object.values(theses).every((t) => t.heightPx <= THESIS_MAX_HEIGHT_PX)],
  ['no web fonts (no font requests, no @font-face)', Object.values(pages).every((p) => p.fontRequests === 0) && !cssHasFontFace(DIST)],
  ['no request leaves the origin', Object.values(pages).every((p) => p.foreignRequests.length === 0)],
  ['hostile text: 100,000 quotation marks take under 40 × the time of 10,000 (no blow-up)', hostile.ms100k < 40 * hostile.ms10k],
  ['/search/: last keystroke → first result < 100 ms (every query)', (results.search as SearchFigures[]).every((s) => s.msToFirstResult < 100)],
  ['/search/: a first search fetches ≤ 100 kB at seed scale (every query)', (results.search as SearchFigures[]).every((s) => s.bytesFetched <= 100 * 1024)],
  ...(quick ? [] : [[`seed build, cold ≤ Starlight building the same texts, cold (medians of ${RUNS}, same run)`, median(coldBuilds.map((b) => b.ms)) <= median(starlightBuilds.map((b) => b.ms))] as [string, boolean]]),
  ...(scales[0]?.rebuildAfterThesisEditMs === undefined ? [] : [['1,000 sources: rebuild after editing one thesis ≤ 20% of the full build', scales[0].rebuildAfterThesisEditMs <= 0.2 * scales[0].buildMs] as [string, boolean]]),
  ...scales.filter((sc) => sc.sources >= 10_000).flatMap((sc): [string, boolean][] => [
    [`${n(sc.sources)} sources: build ≤ 5 minutes`, sc.buildMs <= 300_000],
    [`${n(sc.sources)} sources: peak memory ≤ 6 GiB`, sc.peakRssBytes !== null && sc.peakRssBytes <= 6 * 2 ** 30],
  ]),
  ...(scales.length === 2 ? [[`build time per source flat within 1.5× from 1,000 to ${n(scaleSources)}`, (results.growth as { ratio: number }).ratio <= 1.5] as [string, boolean]] : []),
  ...(testRuns.length ? [['npm test ≤ 3 minutes (median of 3)', median(testRuns) <= 180_000] as [string, boolean]] : []),
  ...(skipScale ? [] : [[`${n(scaleSources)}-source build finishes; a first search (rare and common word) fetches < 300 kB`, scales.length > 0 && scales.every((sc) => sc.search.every((s) => s.bytesFetched < 300 * 1024))] as [string, boolean]]),
];
results.budgets = Object.fromEntries(budgets);
console.log('\nBudgets:');
for (const [name, ok] of budgets) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
mkdirSync(join(ROOT, 'tests/bench'), { recursive: true });
if (!quick) {
  writeFileSync(join(ROOT, 'tests/bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\nWritten: tests/bench/results.json');
}
if (check && budgets.some(([, ok]) => !ok)) process.exit(1);
