/**
 * Astro integration: after the build, write `dist/_headers` (see
 * src/lib/http-headers.ts) naming every original source text served.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { formatHeadersFile, headerRules } from '../lib/http-headers.ts';

export default function headersIntegration(): AstroIntegration {
  return {
    name: 'headers-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const texts = readdirSync(join(site, 'sources')).filter((f) => f.endsWith('.txt')).map((f) => `/sources/${f}`);
        writeFileSync(join(site, '_headers'), formatHeadersFile(headerRules(texts)));
        logger.info(`_headers: nosniff site-wide, ${texts.length} source texts as ${'text/plain; charset=utf-8'}`);
      },
    },
  };
}
