/**
 * The citeproc-js engines, kept in a worker thread for the whole process
 * (src/build/citeproc-worker.mjs, which builds them the moment it starts) and
 * called synchronously through synckit, a small, widely used library (eslint,
 * prettier plugins) for synchronous calls into a worker. Why a worker: building
 * the APA and Chicago engines costs seconds of CPU, and on the build's main
 * thread every page that cites waited for it; in the worker it runs on another
 * core while Astro loads, syncs content and bundles. `startCiteproc()` starts
 * it early (src/integrations/citeproc-early.ts, when the citation cache is
 * cold); otherwise the first citation starts it.
 *
 * The handle lives on globalThis: Astro loads the config and the pages through
 * different module instances in one process, and both must share one worker.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';

export type CiteprocMode = 'bibliography' | 'citation';
export interface CiteprocOptions {
  format: 'html' | 'text';
  /** The style's file name in src/csl/ (without .csl). */
  template: string;
  entry?: unknown;
}
type Format = (mode: CiteprocMode, item: unknown, options: CiteprocOptions) => string;

const KEY = Symbol.for('what-putin-wants.citeproc');

/** The worker script: the project's own (a fixture copy has its own src/), else next to this module. */
function workerPath(): string {
  const fromCwd = join(process.cwd(), 'src', 'build', 'citeproc-worker.mjs');
  return existsSync(fromCwd) ? fromCwd : fileURLToPath(new URL('./citeproc-worker.mjs', import.meta.url));
}

/** The worker's synchronous entry, started on first use and shared by the whole process. */
function worker(): Format {
  const g = globalThis as Record<symbol, Format | undefined>;
  return (g[KEY] ??= createSyncFn(workerPath()) as Format);
}

/** citeproc-js's output for one item (`new Cite(item).format(mode, options)`, en-US), from the worker. */
export function citeproc(mode: CiteprocMode, item: unknown, options: CiteprocOptions): string {
  return worker()(mode, item, options);
}

/** Starts the worker (and so the engines' building) now, if it is not running yet. */
export function startCiteproc(): void {
  worker();
}
