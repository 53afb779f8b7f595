/**
 * The one place that decides which Chromium the browser tests, the benchmark
 * and `.ci/run` use: `CHROMIUM_PATH` when set (taken as is, even if it does
 * not exist, so that a wrong override fails loudly instead of silently
 * falling back), else `chromium` on the PATH, else `/usr/bin/chromium`.
 *
 * `node tests/support/find-chromium.ts` (via `npm run -s chromium`) prints the
 * path and exits 0 when it is an executable file, else says where it looked
 * and exits 1.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The Chromium executable to use for `env` (default: this process's environment). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'chromium');
    if (isExecutableFile(candidate)) return candidate;
  }
  return DEFAULT_CHROMIUM;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = chromiumPath();
  if (isExecutableFile(path)) {
    console.log(path);
  } else {
    const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${path}` : `"chromium" on PATH or ${DEFAULT_CHROMIUM}`;
    console.error(`No Chromium: ${where} is not an executable file`);
    process.exitCode = 1;
  }
}
