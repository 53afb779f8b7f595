/**
 * Says once, plainly, what a build without SITE_URL leaves out: every link is
 * root-relative (under BASE_PATH), and what needs an absolute address (the
 * canonical links, Open Graph URLs, the sitemap, the URLs in citation
 * downloads and citation meta tags) is not written. Citations on the pages
 * take the address the reader is on.
 */
import type { AstroIntegration } from 'astro';

export default function siteAddress(): AstroIntegration {
  return {
    name: 'site-address',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        if (config.site) return;
        logger.warn(
          'SITE_URL is not set, so this build has no absolute addresses: links are root-relative, and canonical links, ' +
            'Open Graph URLs, the sitemap and the URLs in citation downloads are left out (citations on the pages use the ' +
            'address they are read at). To publish them, build with SITE_URL=https://your.domain (and BASE_PATH for a sub-path).',
        );
      },
    },
  };
}
