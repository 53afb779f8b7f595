/**
 * Vitest global setup: build the site once so that site and browser tests
 * read the same dist/. Set SKIP_BUILD=1 to reuse an existing dist/ while
 * iterating locally.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DIST, ROOT } from './paths.ts';
import { buildEnv } from './build-env.ts';

export default function buildSite(): void {
  if (process.env.SKIP_BUILD === '1' && existsSync(DIST)) return;
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: buildEnv(),
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}
