/**
 * Builds a throwaway copy of the site with other seeds or theses, to test
 * what the real build does with bad or unusual input. src/, public/ and the
 * config are copied (their import.meta.url must point into the copy);
 * node_modules is linked.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, SEEDS } from './paths.ts';
import { buildEnv } from './build-env.ts';
import { withChangeLog } from './thesis-fixture.ts';

export interface FixtureProject {
  dir: string;
  status: number | null;
  output: string;
  /** Build time in ms, when asked for. */
  ms?: number;
  remove(): void;
}

export interface FixtureOptions {
  /** Theses: file name (may include a subfolder) → MDX text (a change log is added when it has none). */
  theses: Record<string, string>;
  /** Extra sources: file name → bytes, plus YAML appended to the manifest. */
  extraSources?: { files: Record<string, string | Uint8Array>; manifest: string };
  /** Last changes to the copy before it is used (e.g. a symlink in seeds/); gets the copy's folder. */
  prepare?: (dir: string) => void;
}

/** A throwaway copy of the site (real seeds plus extras, the given theses), not built. */
export function copyFixtureProject(opts: FixtureOptions): string {
  const dir = mkdtempSync(join(tmpdir(), 'putin-site-'));
  for (const name of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // node_modules is shared, so keep Astro's and Vite's caches (content data store, optimised deps) in the copy.
  const config = join(dir, 'astro.config.mjs');
  writeFileSync(config, readFileSync(config, 'utf8').replace('defineConfig({', "defineConfig({\n  cacheDir: './.cache/astro',\n  vite: { cacheDir: './.cache/vite' },"));
  cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
  if (opts.extraSources) {
    for (const [name, body] of Object.entries(opts.extraSources.files)) writeFileSync(join(dir, 'seeds', name), body);
    const manifest = join(dir, 'seeds', 'sources.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8') + '\n' + opts.extraSources.manifest);
  }
  // The home page's overall answer cites the real seeds, which every copy has.
  cpSync(join(ROOT, 'content', 'home'), join(dir, 'content', 'home'), { recursive: true });
  mkdirSync(join(dir, 'content', 'theses'), { recursive: true });
  for (const [name, text] of Object.entries(opts.theses)) {
    mkdirSync(dirname(join(dir, 'content', 'theses', name)), { recursive: true });
    // A thesis without a change log gets one, with its fingerprint (tests of the change log bring their own).
    writeFileSync(join(dir, 'content', 'theses', name), name.endsWith('.mdx') ? withChangeLog(text) : text);
  }
  opts.prepare?.(dir);
  return dir;
}

export function buildFixtureProject(opts: FixtureOptions & {
  /** Record how long the build took. */
  timed?: boolean;
}): FixtureProject {
  const dir = copyFixtureProject(opts);
  const start = performance.now();
  const result = buildCopy(dir);
  const ms = performance.now() - start;
  return {
    dir,
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    ...(opts.timed ? { ms } : {}),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs `astro build` in a copy. The copy has its own anchor ledger (none at
 * first), so CI is unset unless `env` sets it: under CI=true the ledger is
 * frozen and a fresh copy's build would fail.
 */
export function buildCopy(dir: string, env: Record<string, string | undefined> = {}): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: dir,
    encoding: 'utf8',
    // A copy's ledger is its own: CI's frozen ledger applies to the real build only (pass CI to test freezing).
    env: { ...buildEnv({ NO_COLOR: '1', FORCE_COLOR: '0' }), CI: undefined, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
}
