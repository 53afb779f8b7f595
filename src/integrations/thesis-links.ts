/**
 * Astro integration: every link a thesis (or the home page's answer) makes to
 * this site names a page the build produced and, with a #fragment, an anchor
 * on it; else the build fails listing each, as
 * `file:line:column  […](url)  dead-link: …`. The links are collected while
 * remark-citations renders each file (src/checks/site-links.ts) and checked here,
 * once every page is written. `../../../../etc/passwd` and `\evil.example/x`
 * (a browser reads the backslash as a slash) so fail instead of rendering as
 * dead links. Under BASE_PATH a path from the site's root (`/sources/x/`) is
 * checked where the page links it, under the base (src/checks/site-links.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { clearSiteLinks, recordedSiteLinks, siteLinkProblem } from '../checks/site-links.ts';

/** Every rule id this check can report (docs/theses.md documents each). */
export const LINK_RULES = ['dead-link'] as const;

export class DeadLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadLinkError';
  }
}

export default function thesisLinks(): AstroIntegration {
  let base = '/';
  return {
    name: 'thesis-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': () => clearSiteLinks(),
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const links = recordedSiteLinks();
        const cache = new Map<string, Set<string>>();
        const dead = links.flatMap((l) => {
          const problem = siteLinkProblem(l, dist, base, cache);
          return problem ? [`  ${l.file}:${l.line}:${l.column}  […](${l.url})  ${LINK_RULES[0]}: ${problem}`] : [];
        });
        if (dead.length) throw new DeadLinkError(`Link check failed: ${dead.length} link${dead.length > 1 ? 's' : ''} to this site name${dead.length > 1 ? '' : 's'} no page or anchor the build produced\n${dead.join('\n')}`);
        logger.info(`${links.length} links to this site from theses checked: each names a page and anchor the build produced`);
      },
    },
  };
}
