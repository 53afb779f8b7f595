/**
 * `node tests/bench/scale-probe.ts [--sources 0,250,500] [--runs 1] [--cpu-prof] [--keep] [--from DIR] [--trace-gc]`:
 * builds the real seeds plus N generated sources (40 paragraphs each, as
 * `npm run bench` does) in a temporary copy of the project, once per N, and
 * prints wall time, peak memory (GNU time's %M) and time per build phase,
 * read from when each line of Astro's log arrived (content sync, types,
 * static entrypoints, page generation split by route kind, each
 * astro:build:done integration). With --cpu-prof, the build also writes a V8
 * CPU profile and the probe prints the functions with the most self time.
 * With --from DIR, the copy's src/ and astro.config.mjs are DIR's (say, an
 * older commit's, from `git archive`), to measure before and after a change
 * in the same way.
 * A measurement script, not a test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixtureProject } from '../support/fixture-project.ts';
import { ROOT } from '../support/paths.ts';
import { syntheticSources } from './synthetic-sources.ts';

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const sizes = (arg('--sources') ?? '0,250,500').split(',').map(Number);
const runs = Number(arg('--runs') ?? 1);
const cpuProf = process.argv.includes('--cpu-prof');
const keep = process.argv.includes('--keep');
const from = arg('--from');
/** --trace-gc: the build logs each garbage collection (heap size before → after), to see where the heap grows. */
const traceGc = process.argv.includes('--trace-gc');
const GNU_TIME = '/usr/bin/time';
const hasTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

interface Line {
  ms: number;
  text: string;
}

/** `astro build` in `cwd`, each output line stamped with ms since start. */
function build(cwd: string, profDir?: string): Promise<{ ms: number; peakKb: number | null; lines: Line[]; status: number | null }> {
  const node = [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), ...(traceGc ? ['--trace-gc'] : []), 'node_modules/astro/bin/astro.mjs', 'build'];
  const [cmd, args] = hasTime ? [GNU_TIME, ['-f', 'peak-rss-kb=%M', process.execPath, ...node]] : [process.execPath, node];
  const start = performance.now();
  const child = spawn(cmd, args as string[], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', CI: '' } });
  const lines: Line[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const ms = performance.now() - start;
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const text of parts) lines.push({ ms, text });
    });
    stream.on('end', () => rest && lines.push({ ms: performance.now() - start, text: rest }));
  };
  collect(child.stdout!);
  collect(child.stderr!);
  // RSS of the build's processes (node, and Pagefind's binary), sampled each second, as log lines.
  const descendants = (pid: number): number[] => {
    try {
      const kids = readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
      return [pid, ...kids.flatMap(descendants)];
    } catch {
      return [];
    }
  };
  const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const sampler = setInterval(() => {
    try {
      const pids = descendants(child.pid!).slice(hasTime ? 1 : 0);
      const parts = pids.map((p) => `${readFileSync(`/proc/${p}/comm`, 'utf8').trim()}:${rssMb(p).toFixed(0)}`);
      lines.push({ ms: performance.now() - start, text: `#rss ${parts.join(' ')}` });
    } catch {
      // a process ended between listing and reading
    }
  }, 1000);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearInterval(sampler);
      const ms = performance.now() - start;
      const kb = lines.map((l) => /peak-rss-kb=(\d+)/.exec(l.text)?.[1]).find(Boolean);
      resolve({ ms, peakKb: kb ? Number(kb) : null, lines, status });
    });
  });
}

/** Phases from the log: each named span ends at the line that ends it. */
function phases(lines: Line[]): [string, number][] {
  const at = (re: RegExp) => lines.find((l) => re.test(l.text))?.ms;
  const out: [string, number][] = [];
  let prev = 0;
  const mark = (name: string, ms: number | undefined) => {
    if (ms === undefined) return;
    // Heap after the last mark-compact of the phase (with --trace-gc): "Mark-Compact 812.3 (840.1) -> 640.2 (700.5) MB".
    const heap = lines.filter((l) => /Mark-Compact/.test(l.text) && l.ms >= prev && l.ms <= ms).map((l) => /-> ([\d.]+)/.exec(l.text)?.[1]).at(-1);
    const rss = lines.filter((l) => l.text.startsWith('#rss ') && l.ms >= prev && l.ms <= ms).map((l) => [...l.text.matchAll(/(\S+):(\d+)/g)].map((m) => `${m[1]} ${m[2]}`).join(', '));
    out.push([`${name}${rss.length ? ` [RSS at end MiB: ${rss.at(-1)}]` : ''}${heap ? ` [heap after last full GC: ${heap} MB]` : ''}`, ms - prev]);
    prev = ms;
  };
  mark('startup (config, integrations)', at(/\[content\] Syncing content/));
  mark('content sync (loader)', at(/\[content\] Synced content/));
  mark('types + build info', at(/Building static entrypoints/));
  mark('vite build (MDX, remark/rehype)', at(/generating static routes/));
  // Page generation by route kind: a route line "├─ /sources/x/index.html (+12ms)" is printed after the page.
  const routes = lines.filter((l) => /[├└]─ \//.test(l.text));
  const byKind = new Map<string, { n: number; ms: number }>();
  let t = prev;
  for (const l of routes) {
    const path = /[├└]─ (\S+)/.exec(l.text)![1]!;
    const kind = path
      .replace(/synthetic-\d+/, '<synthetic>')
      .replace(/^\/sources\/(?!<synthetic>)[^/.]+/, '/sources/<seed>')
      .replace(/^\/theses\/[^/]+/, '/theses/<slug>')
      .replace(/^\/people\/(?!index)[^/]+/, '/people/<slug>');
    const own = Number(/\(\+([\d.]+)(ms|s)\)/.exec(l.text)?.[1] ?? 0) * (/\(\+[\d.]+s\)/.test(l.text) ? 1000 : 1);
    const e = byKind.get(kind) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += own;
    byKind.set(kind, e);
    t = l.ms;
  }
  const gen = lines.findLast((l) => /✓ Completed in/.test(l.text) && !/\[build\]/.test(l.text))?.ms ?? t;
  for (const [kind, e] of [...byKind].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) out.push([`  pages ${kind} ×${e.n} (sum of +ms)`, -e.ms]);
  mark('page generation (total)', gen);
  for (const name of ['anchor-ledger', '@astrojs/sitemap', 'pagefind', 'headers-file']) mark(`build:done ${name}`, at(new RegExp(`\\[${name.replace(/[/@.]/g, '\\$&')}\\]`)) ?? undefined);
  mark('rest (to exit)', lines.at(-1)?.ms);
  return out;
}

/** Top functions by self time in a .cpuprofile. */
function summariseProfile(file: string, top = 30): string {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  prof.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules\/|src\/|dist\/)/, '$1')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (prof.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
}

const thesesDir = join(ROOT, 'content/theses');
const theses = Object.fromEntries(readdirSync(thesesDir).map((f) => [f, readFileSync(join(thesesDir, f), 'utf8')]));
const summary: string[] = [];
for (const n of sizes) {
  for (let r = 0; r < runs; r++) {
    const dir = copyFixtureProject({ theses, ...(n > 0 ? { extraSources: syntheticSources(n, 40) } : {}) });
    if (from) {
      rmSync(join(dir, 'src'), { recursive: true, force: true });
      cpSync(join(from, 'src'), join(dir, 'src'), { recursive: true });
      // Its config too, when it has one, with the caches kept in the copy as copyFixtureProject does.
      const config = join(from, 'astro.config.mjs');
      if (existsSync(config)) writeFileSync(join(dir, 'astro.config.mjs'), readFileSync(config, 'utf8').replace('defineConfig({', "defineConfig({\n  cacheDir: './.cache/astro',\n  vite: { cacheDir: './.cache/vite' },"));
    }
    const profDir = cpuProf ? join(dir, '.prof') : undefined;
    if (profDir) mkdirSync(profDir);
    try {
      const b = await build(dir, profDir);
      if (b.status !== 0) {
        console.log(b.lines.slice(-40).map((l) => l.text).join('\n'));
        throw new Error(`build failed at N=${n}`);
      }
      const line = `N=${n} run ${r + 1}: wall ${(b.ms / 1000).toFixed(1)} s, peak RSS ${b.peakKb === null ? 'n/a' : `${(b.peakKb / 1024).toFixed(0)} MiB`}`;
      summary.push(line);
      console.log(`\n${line} (${dir})`);
      for (const [name, ms] of phases(b.lines)) console.log(`  ${(Math.abs(ms) / 1000).toFixed(2).padStart(8)} s  ${name}`);
      if (profDir) {
        const prof = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
        for (const f of prof) console.log(`\nself time, ${f}:\n${summariseProfile(join(profDir, f))}`);
      }
    } finally {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  }
}
console.log(`\n${summary.join('\n')}`);
