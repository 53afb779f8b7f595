/**
 * A small disk cache for work a build would otherwise repeat: results keyed by
 * the digest of everything they are computed from (inputs, the code that
 * computes them, the versions of the packages it uses), so a stale entry is
 * never read, only never used again.
 *
 * It lives in node_modules/.cache/what-putin-wants/ of the project being built
 * (a fixture copy links node_modules, so copies share it: keys are by content).
 * Writes are atomic (a temporary file renamed), so parallel builds at worst
 * both compute the same entry. `WPW_CACHE=0` turns it off (reads and writes);
 * `WPW_CACHE_DIR` moves it. Removing the folder is a cold build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The folder of the cache, or undefined when it is turned off. */
export function cacheDir(cwd: string = process.cwd()): string | undefined {
  if (process.env.WPW_CACHE === '0') return undefined;
  return process.env.WPW_CACHE_DIR ?? join(cwd, 'node_modules', '.cache', 'what-putin-wants');
}

/** sha256 (hex) of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
export function digest(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${b.length}:`);
    h.update(b);
  }
  return h.digest('hex');
}

/** The digest of every file under `dir` (names relative to it, and bytes), in name order; '' when it does not exist. */
export function treeDigest(dir: string, filter: (path: string) => boolean = () => true): string {
  if (!existsSync(dir)) return '';
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && filter(p)) files.push(p);
    }
  };
  walk(dir);
  files.sort();
  return digest(...files.flatMap((f) => [relative(dir, f), readFileSync(f)]));
}

/** The version of an installed package (its package.json), '' when not found. */
export function packageVersion(name: string, cwd: string = process.cwd()): string {
  try {
    return (JSON.parse(readFileSync(join(cwd, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

/** The JSON stored under `bucket/name`, or undefined (absent, unreadable, or the cache off). */
export function readCached<T>(bucket: string, name: string): T | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, bucket, `${name}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` as JSON under `bucket/name` (atomically); keeps at most `keep`
 * files in the bucket, the newest. A failure to write is not an error: the
 * cache is an optimisation.
 */
export function writeCached(bucket: string, name: string, value: unknown, keep = 16): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    const folder = join(dir, bucket);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${name}.json`);
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
    const entries = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ f, t: statSync(join(folder, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of entries.slice(keep)) rmSync(join(folder, f), { force: true });
  } catch {
    // Read-only node_modules, a full disk: build without the cache.
  }
}
