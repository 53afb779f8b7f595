/**
 * Dev only: the thesis pages depend on the seeds (their citations are checked
 * against the source text), but nothing tells Vite so. When a file in `seeds/`
 * changes, this drops every compiled module under the theses folder and
 * reloads the browser, so the next request re-runs the citation check on the
 * new text: the page updates, or the broken citation is reported.
 */
import type { AstroIntegration } from 'astro';
import { resolve, sep } from 'node:path';

export default function seedsWatch(options: { seedsDir: string; thesesDir: string }): AstroIntegration {
  const seeds = resolve(options.seedsDir) + sep;
  const theses = resolve(options.thesesDir) + sep;
  return {
    name: 'seeds-watch',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(seeds);
        const onChange = (file: string) => {
          if (!resolve(file).startsWith(seeds)) return;
          let dropped = 0;
          for (const env of Object.values(server.environments)) {
            for (const mod of env.moduleGraph.idToModuleMap.values()) {
              if (mod.file && resolve(mod.file).startsWith(theses)) {
                env.moduleGraph.invalidateModule(mod);
                dropped++;
              }
            }
          }
          logger.info(`${file.slice(seeds.length)} changed: thesis pages will re-check their citations (${dropped} modules)`);
          server.ws.send({ type: 'full-reload' });
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
      },
    },
  };
}
