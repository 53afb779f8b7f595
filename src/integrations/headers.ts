/**
 * Astro integration: after the build, write `dist/_headers` (see
 * src/lib/http-headers.ts) naming every original source text served.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { formatHeadersFile, headerRules } from '../lib/http-headers.ts';
import { urls } from '../lib/urls.ts';

export default function headersIntegration(): AstroIntegration {
  return {
    name: 'headers-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const texts = readdirSync(join(site, 'sources')).filter((f) => f.endsWith('.txt')).map((f) => urls.sourceText(f.slice(0, -'.txt'.length)));
        const cites = (['sources', 'theses'] as const).flatMap((folder) =>
          existsSync(join(site, folder))
            ? readdirSync(join(site, folder), { withFileTypes: true })
                .filter((d) => d.isDirectory())
                .flatMap((d) => readdirSync(join(site, folder, d.name)).filter((f) => /^cite\.(bib|ris|json)$/.test(f)).map((f) => `${urls.path(`${folder}/${d.name}/`)}${f}`))
            : [],
        );
        writeFileSync(join(site, '_headers'), formatHeadersFile(headerRules(texts, urls.base, cites)));
        logger.info(`_headers: CSP frame-ancestors 'none', nosniff site-wide under ${urls.base}, ${texts.length} source texts as ${'text/plain; charset=utf-8'}`);
      },
    },
  };
}
