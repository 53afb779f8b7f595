/**
 * Content-layer loader for the `sources` collection: runs the source pipeline
 * on `seeds/` and stores one entry per source. A bad manifest or source file
 * fails the build with a message naming the file, and a `Hint:` line with what
 * to do and the rule's documentation (src/pipeline/errors.ts). A source derived from
 * another one also carries its alignment with that original (`alignment`).
 *
 * Incremental: each entry's digest is the digest of its data (manifest entry,
 * file hash, paragraphs, alignment), so a source whose data did not change
 * keeps its stored entry (no re-validation, no re-render from the content
 * layer's point of view); only changed entries are set and vanished ones
 * deleted. Logging: one line per changed source while few changed (at most
 * PER_SOURCE_LINES), then one total line; warnings (classification's, and a
 * source's `notices`: an override that followed its words to another line, a
 * speech correction extended to a whole quotation) are always logged.
 */
import type { Loader } from 'astro/loaders';
import { alignmentsFor, sourcesFor, sourcesFromDisk } from '../build/source-index.ts';
import { summariseSource } from '../pipeline/load-sources.ts';
import { formatRun, formatSummary, formatWarning } from '../pipeline/classification-report.ts';
import { AstroError } from 'astro/errors';
import { PipelineError } from '../pipeline/errors.ts';

/** More changed sources than this are summarised in one line rather than one line each. */
const PER_SOURCE_LINES = 20;

/** A pipeline error as Astro shows it: the message, then a `Hint:` line with what to do and where the rule is documented. */
export function astroError(err: PipelineError): AstroError {
  const error = new AstroError(err.message, err.hint);
  error.name = err.name;
  return error;
}

export function sourcesLoader(options: { seedsDir: string }): Loader {
  return {
    name: 'sources-loader',
    async load({ store, parseData, generateDigest, logger, watcher }) {
      const run = async () => {
        let sources, alignments;
        try {
          sources = sourcesFor(options.seedsDir);
          alignments = alignmentsFor(options.seedsDir);
        } catch (err) {
          if (!(err instanceof PipelineError)) throw err;
          logger.error(err.message);
          throw astroError(err);
        }
        const byDerivative = new Map(alignments.map((a) => [a.derivative, a]));
        const ids = new Set<string>(sources.map((s) => s.entry.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        const changed: string[] = [];
        const totals = { paragraphs: 0, headings: 0, furniture: 0, comments: 0, warnings: 0 };
        for (const source of sources) {
          const summary = summariseSource(source);
          for (const k of ['paragraphs', 'headings', 'furniture', 'comments'] as const) totals[k] += summary.blocks[k];
          totals.warnings += summary.warnings.length + (source.notices?.length ?? 0);
          for (const w of summary.warnings) logger.warn(formatWarning(source.entry.id, w));
          for (const n of source.notices ?? []) logger.warn(n);
          for (const r of summary.runs) logger.warn(formatRun(source.entry.id, r));
          totals.warnings += summary.runs.length;
          const { entry, paragraphs, sha256, size, path } = source;
          const raw = {
            ...entry,
            path,
            sha256,
            size,
            paragraphs: paragraphs.map((p) => ({ ...p })),
            alignment: byDerivative.get(entry.id),
          };
          const digest = generateDigest(JSON.stringify(raw));
          if (store.get(entry.id)?.digest === digest) continue; // unchanged: keep the stored entry
          changed.push(formatSummary(entry.id, summary));
          const data = await parseData({ id: entry.id, data: raw, filePath: path });
          store.set({ id: entry.id, data, digest, filePath: path });
        }
        if (changed.length <= PER_SOURCE_LINES) for (const line of changed) logger.info(line);
        logger.info(
          `${sources.length} sources (${changed.length} changed, ${sources.length - changed.length} unchanged), ` +
            `${sources.reduce((n, s) => n + s.paragraphs.length, 0)} blocks: ${totals.paragraphs} ¶, ${totals.headings} headings, ` +
            `${totals.furniture} furniture, ${totals.comments} comment lines; ${totals.warnings} warning${totals.warnings === 1 ? '' : 's'}` +
            (sourcesFromDisk(options.seedsDir) ? ' (the pipeline not re-run: its result for these seeds and this code is in the build cache)' : ''),
        );
      };
      await run();
      watcher?.add(options.seedsDir);
      watcher?.on('change', (changed) => {
        if (changed.startsWith(options.seedsDir)) void run().catch((err: unknown) => logger.error(String(err)));
      });
    },
  };
}
