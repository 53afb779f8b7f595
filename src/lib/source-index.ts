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
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSources, type Source } from '../pipeline/load-sources.ts';
import { alignCorpus } from '../pipeline/align-sources.ts';
import type { Alignment } from '../pipeline/align.ts';

interface Entry {
  fingerprint: string;
  sources: Source[];
  /** Computed on first use, for the same sources. */
  alignments?: Alignment[];
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

/** The pipeline's result for `seedsDir`, recomputed only when its files changed. Throws as loadSources does. */
export function sourcesFor(seedsDir: string): Source[] {
  const dir = resolve(seedsDir);
  const fingerprint = seedsFingerprint(dir);
  const hit = store.get(dir);
  if (hit?.fingerprint === fingerprint) return hit.sources;
  const sources = loadSources(dir);
  store.set(dir, { fingerprint, sources });
  return sources;
}

/** Every derivative of the corpus aligned with its original (`alignCorpus`), cached with the sources. */
export function alignmentsFor(seedsDir: string): Alignment[] {
  const sources = sourcesFor(seedsDir);
  const entry = store.get(resolve(seedsDir))!;
  return (entry.alignments ??= alignCorpus(sources));
}
