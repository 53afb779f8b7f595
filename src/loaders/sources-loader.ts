/**
 * Content-layer loader for the `sources` collection: runs the source pipeline
 * on `seeds/` and stores one entry per source. A bad manifest or source file
 * fails the build with a message naming the file. A source derived from
 * another one also carries its alignment with that original (`alignment`).
 */
import type { Loader } from 'astro/loaders';
import { alignmentsFor, sourcesFor } from '../lib/source-index.ts';
import { summariseSource } from '../pipeline/load-sources.ts';
import { formatSummary, formatWarning } from '../pipeline/classification-report.ts';
import { SourceError } from '../pipeline/manifest.ts';

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
          if (err instanceof SourceError) logger.error(err.message);
          throw err;
        }
        store.clear();
        for (const source of sources) {
          const summary = summariseSource(source);
          logger.info(formatSummary(source.entry.id, summary));
          for (const w of summary.warnings) logger.warn(formatWarning(source.entry.id, w));
          const { entry, paragraphs, sha256, size, path } = source;
          const data = await parseData({
            id: entry.id,
            data: {
              ...entry,
              path,
              sha256,
              size,
              paragraphs: paragraphs.map((p) => ({ ...p })),
              alignment: alignments.find((a) => a.derivative === entry.id),
            },
            filePath: path,
          });
          store.set({ id: entry.id, data, digest: generateDigest(data), filePath: path });
        }
        logger.info(`${sources.length} sources, ${sources.reduce((n, s) => n + s.paragraphs.length, 0)} blocks`);
      };
      await run();
      watcher?.add(options.seedsDir);
      watcher?.on('change', (changed) => {
        if (changed.startsWith(options.seedsDir)) void run().catch((err: unknown) => logger.error(String(err)));
      });
    },
  };
}
