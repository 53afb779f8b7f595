/**
 * Astro integration: after the build, write `dist/_headers` (see
 * src/build/http-headers.ts): path patterns, as many for 10,000 sources as for 5.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { PLAIN_TEXT, writeHeadersFile } from '../build/http-headers.ts';
import { urls } from '../lib/urls.ts';

export default function headersIntegration(): AstroIntegration {
  return {
    name: 'headers-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const rules = writeHeadersFile(fileURLToPath(dir), urls.base);
        logger.info(`_headers: ${rules.length} rules; CSP frame-ancestors 'none', nosniff site-wide under ${urls.base}, source texts as ${PLAIN_TEXT}`);
      },
    },
  };
}
