/**
 * Vitest global setup of the `site` and `browser` projects: builds dist/ (the
 * site at the root, as `npm start` builds it) and then dist-base/ (the same
 * site under BASE_PATH, a GitHub Pages project site: tests/site/base-path.test.ts
 * and tests/browser/base-path.test.ts), once per run however many projects ask.
 *
 * The builds run in the background: the setup returns at once, so the unit and
 * fixture tests run meanwhile. When both builds have finished it writes a status
 * file (its path is provided to the tests as `siteBuildStatus`), which
 * ./wait-for-site.ts, a setup file of those two projects, waits for before a
 * test file loads; a failed build fails every test file that needs it, with the
 * build's output. Set SKIP_BUILD=1 to reuse an existing dist/ (and dist-base/)
 * while iterating locally.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BASE_PATH, BASE_SITE_URL, DIST, DIST_BASE, ROOT } from './paths.ts';
import { buildEnv } from './build-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file ./build-site.ts writes when the site builds are done: `{ ok: true }` or `{ ok: false, error }`. */
    siteBuildStatus: string;
  }
}

export interface SiteBuildStatus {
  ok: boolean;
  error?: string;
}

/** Builds the site into `outDir` with the given environment (BASE_PATH, SITE_URL unset means the defaults). */
function build(outDir: string, env: Record<string, string | undefined>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...buildEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => (status === 0 ? done() : fail(new Error(`astro build (${outDir}) failed (exit ${status}):\n${output}`))));
  });
}

interface Shared {
  statusFile: string;
  finished: Promise<void>;
}

const KEY = Symbol.for('what-putin-wants.site-build');

/** Starts the builds once per process (both projects load this file; each gets the same status file). */
function start(): Shared {
  const store = globalThis as unknown as Record<symbol, Shared | undefined>;
  const existing = store[KEY];
  if (existing) return existing;
  const dir = mkdtempSync(join(tmpdir(), 'site-build-'));
  const statusFile = join(dir, 'status.json');
  const skip = process.env.SKIP_BUILD === '1';
  // Written whole, then renamed: a waiting test never reads half a file.
  const write = (status: SiteBuildStatus) => {
    writeFileSync(`${statusFile}.tmp`, JSON.stringify(status));
    renameSync(`${statusFile}.tmp`, statusFile);
  };
  const finished = (async () => {
    // One after the other: both builds write the anchor ledger and Astro's caches in this folder.
    if (!(skip && existsSync(DIST))) await build(DIST, { BASE_PATH: undefined, SITE_URL: undefined });
    if (!(skip && existsSync(DIST_BASE))) await build(DIST_BASE, { BASE_PATH, SITE_URL: BASE_SITE_URL });
  })().then(
    () => write({ ok: true }),
    (error: unknown) => write({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  const shared = { statusFile, finished };
  store[KEY] = shared;
  return shared;
}

export default function buildSite(project: TestProject): () => Promise<void> {
  const shared = start();
  project.provide('siteBuildStatus', shared.statusFile);
  // Teardown: never leave a build running (a run of unit tests only still waits for it to end).
  return async () => {
    await shared.finished;
    rmSync(join(shared.statusFile, '..'), { recursive: true, force: true });
  };
}
