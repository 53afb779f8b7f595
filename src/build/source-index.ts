/**
 * The sources, computed once per state of `seeds/` and shared by everything
 * in the build process that needs them: the content loader (source pages)
 * and the remark plugin (citation checks on thesis pages). The result is
 * kept until a file in `seeds/` changes (size, mtime, or the set of files),
 * so `npm run dev` never checks a thesis against stale text.
 *
 * The cache lives on globalThis because Astro may load the config (which
 * imports the remark plugin) and the content config (which imports the
 * loader) through different module instances in the same process.
 *
 * Across builds the result is kept on disk (src/build/build-cache.ts, bucket
 * `sources`), keyed by the digest of every file in `seeds/` (names, bytes, where
 * symlinks lead), the folder as named from the working directory (the
 * pipeline's messages name files relative to it), and the pipeline's code version: the digest of
 * every code folder a source page's data can depend on (CODE_FOLDERS: src/pipeline/, src/checks/,
 * src/ledger/, src/models/, src/site/, src/build/, src/lib/) and of package-lock.json. A warm build reads the
 * sources (and the alignments, once computed) back instead of re-running the
 * pipeline; a pipeline error is never cached.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digest, readCached, treeDigest, writeCached } from './build-cache.ts';
import { loadSources, type Source } from '../pipeline/load-sources.ts';
import { alignCorpus } from '../pipeline/align-sources.ts';
import type { Alignment } from '../pipeline/align.ts';

interface Entry {
  fingerprint: string;
  sources: Source[];
  /** Computed on first use, for the same sources. */
  alignments?: Alignment[];
  /** The disk cache's key (undefined: not cached). */
  key?: string | undefined;
  /** Read from the disk cache rather than computed. */
  fromDisk?: boolean;
}
const KEY = Symbol.for('what-putin-wants.source-index');
const store = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, Entry>()) as Map<string, Entry>;

/** Name, size and mtime of every file in the folder: changes whenever a seed or the manifest does. */
export function seedsFingerprint(seedsDir: string): string {
  return readdirSync(seedsDir)
    .sort()
    .map((name) => {
      const s = statSync(join(seedsDir, name), { throwIfNoEntry: false });
      return s ? `${name}:${s.size}:${s.mtimeMs}` : `${name}:gone`;
    })
    .join('|');
}

/** The project's src/ (the copy being built: a fixture copies it), for the code version. */
function srcDir(): string {
  const fromCwd = join(process.cwd(), 'src');
  return existsSync(join(fromCwd, 'pipeline')) ? fromCwd : fileURLToPath(new URL('../', import.meta.url));
}

/** The folders under src/ whose code the cached sources depend on (the pipeline and everything it and the loader import). */
export const CODE_FOLDERS = ['pipeline', 'checks', 'ledger', 'models', 'site', 'build', 'lib'] as const;

const CODE_VERSION = Symbol.for('what-putin-wants.pipeline-code-version');
/** The digest of the pipeline's code and dependencies, computed once per process. */
function codeVersion(): string {
  const g = globalThis as Record<symbol, string | undefined>;
  if (g[CODE_VERSION]) return g[CODE_VERSION];
  const src = srcDir();
  const lock = join(process.cwd(), 'package-lock.json');
  return (g[CODE_VERSION] = digest(
    ...CODE_FOLDERS.map((folder) => treeDigest(join(src, folder))),
    existsSync(lock) ? readFileSync(lock) : '',
    process.version,
  ));
}

/**
 * The disk cache's key for the seeds in `dir`: every entry's name and bytes
 * (symlinks followed, and where they lead: inside the folder as a relative
 * path, outside it in full), the folder as named from the working directory
 * (the pipeline's messages name files so) and the code version. Nothing else
 * of where the project lies: a copy of the project with the same seeds and code
 * (a test fixture) shares the entry. Undefined when a file cannot be read (the
 * pipeline reports that).
 */
export function seedsKey(dir: string): string | undefined {
  try {
    const parts: (string | Uint8Array)[] = [codeVersion(), relative(process.cwd(), dir)];
    const realDir = realpathSync(dir);
    const walk = (d: string) => {
      for (const name of readdirSync(d).sort()) {
        const p = join(d, name);
        const st = statSync(p, { throwIfNoEntry: false });
        const real = st ? realpathSync(p) : '';
        const inside = real && !relative(realDir, real).startsWith('..') ? relative(realDir, real) : real;
        parts.push(relative(dir, p), inside);
        if (st?.isDirectory()) walk(p);
        else if (st?.isFile()) parts.push(readFileSync(p));
      }
    };
    walk(dir);
    return digest(...parts);
  } catch {
    return undefined;
  }
}

interface Stored {
  sources: Source[];
  alignments?: Alignment[];
}

/** The pipeline's result for `seedsDir`, recomputed only when its files changed. Throws as loadSources does. */
export function sourcesFor(seedsDir: string): Source[] {
  const dir = resolve(seedsDir);
  const fingerprint = seedsFingerprint(dir);
  const hit = store.get(dir);
  if (hit?.fingerprint === fingerprint) return hit.sources;
  const key = seedsKey(dir);
  const stored = key ? readCached<Stored>('sources', key) : undefined;
  if (stored) {
    store.set(dir, { fingerprint, key, ...stored, fromDisk: true });
    return stored.sources;
  }
  const sources = loadSources(dir);
  store.set(dir, { fingerprint, key, sources });
  if (key) writeCached('sources', key, { sources } satisfies Stored);
  return sources;
}

/** Every derivative of the corpus aligned with its original (`alignCorpus`), cached with the sources. */
export function alignmentsFor(seedsDir: string): Alignment[] {
  const sources = sourcesFor(seedsDir);
  const entry = store.get(resolve(seedsDir))!;
  if (entry.alignments) return entry.alignments;
  entry.alignments = alignCorpus(sources);
  if (entry.key) writeCached('sources', entry.key, { sources, alignments: entry.alignments } satisfies Stored);
  return entry.alignments;
}

/** Whether the sources of `seedsDir` in this process came from the disk cache (logs, tests). */
export function sourcesFromDisk(seedsDir: string): boolean {
  return store.get(resolve(seedsDir))?.fromDisk === true;
}
