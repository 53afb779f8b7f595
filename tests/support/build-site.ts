/**
 * Vitest global setup: build the site once so that site and browser tests
 * read the same dist/. Set SKIP_BUILD=1 to reuse an existing dist/ while
 * iterating locally.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BASE_PATH, BASE_SITE_URL, DIST, DIST_BASE, ROOT } from './paths.ts';
import { buildEnv } from './build-env.ts';

/** Builds the site into `outDir` with the given environment (BASE_PATH, SITE_URL unset means the defaults). */
function build(outDir: string, env: Record<string, string | undefined>): void {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...buildEnv(), ...env },
  });
  if (result.status !== 0) {
    throw new Error(`astro build (${outDir}) failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export default function buildSite(): void {
  const skip = process.env.SKIP_BUILD === '1';
  // The site at the root of the local server, as `npm start` builds it.
  if (!(skip && existsSync(DIST))) build(DIST, { BASE_PATH: undefined, SITE_URL: undefined });
  // The same site for a sub-path deploy (a GitHub Pages project site): tests/site/base-path.test.ts.
  if (!(skip && existsSync(DIST_BASE))) build(DIST_BASE, { BASE_PATH, SITE_URL: BASE_SITE_URL });
}
