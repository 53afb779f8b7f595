/**
 * Links from theses (and the home page's answer) to this site, collected as
 * remark-citations renders each file, and checked once the build is done
 * (src/integrations/thesis-links.ts): each must name a page the build
 * produced and, with a #fragment, an anchor on it, or the build fails naming
 * file, line, column and link (collect, check, report, as remark-validate-links
 * does). State lives on globalThis: the remark plugin and the integration load
 * this module as different instances in the same process.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SiteLink {
  /** The file, as messages name it (relative to the project). */
  file: string;
  line: number;
  column: number;
  /** The address as written. */
  url: string;
  /** The page it is on (`/theses/<slug>/`, `/`); undefined where unknown (then only absolute paths are checked). */
  page: string | undefined;
}

const KEY = Symbol.for('what-putin-wants.site-links');
const registry = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, SiteLink[]>()) as Map<string, SiteLink[]>;

/** Records a file's links to this site (replacing what an earlier render of the same file recorded). */
export function recordSiteLinks(file: string, links: SiteLink[]): void {
  registry.set(file, links);
}

/** Every link recorded so far, in file order. */
export function recordedSiteLinks(): SiteLink[] {
  return [...registry.keys()].sort().flatMap((f) => registry.get(f)!);
}

/** Forgets what was recorded (a new build). */
export function clearSiteLinks(): void {
  registry.clear();
}

/**
 * A path from the site's root (`/sources/x/`) as the site built under `base` serves it (`/explainer/sources/x/`):
 * a thesis links the same pages wherever the site is deployed. Anything else (relative, `#…`) is unchanged.
 */
export const underBase = (url: string, base: string): string => (url.startsWith('/') && !url.startsWith('//') ? `${base}${url.slice(1)}` : url);

/** Stands for the site's origin while a link is resolved. */
const ORIGIN = 'https://site.invalid';

/** Ids of a built HTML file (id="…" attributes), read once per file. */
function idsOf(file: string, cache: Map<string, Set<string>>): Set<string> {
  let ids = cache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8');
    ids = new Set([...html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)].map((m) => (m[1] ?? m[2] ?? m[3]!).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")));
    cache.set(file, ids);
  }
  return ids;
}

/**
 * What is wrong with a link to this site in the build at `dist` (served under `base`), or undefined when it
 * names a page the build produced and, with a fragment, an anchor of it.
 */
export function siteLinkProblem(link: SiteLink, dist: string, base: string, cache = new Map<string, Set<string>>()): string | undefined {
  const written = link.url.trim().replaceAll('\\', '/');
  if (link.page === undefined && !written.startsWith('/')) return undefined;
  // As the page links it: a path from the site's root under the base.
  const resolved = new URL(underBase(written, base), `${ORIGIN}${base}${(link.page ?? '/').replace(/^\//, '')}`);
  const problem = pageProblem(resolved, dist, base, cache);
  // Written with the base already in it: paths are read from the site's root, and the base is added.
  if (problem && base !== '/' && written.startsWith(base)) return `${problem} (a path from the site's root is written without the base: /${written.slice(base.length)}, not ${written})`;
  return problem;
}

function pageProblem(resolved: URL, dist: string, base: string, cache: Map<string, Set<string>>): string | undefined {
  if (resolved.origin !== ORIGIN) return `leaves the site (${resolved.origin}): write it as https://…`;
  let path: string;
  try {
    path = decodeURIComponent(resolved.pathname);
  } catch {
    return `its path ${resolved.pathname} is not valid percent-encoding`;
  }
  if (!path.startsWith(base)) return `resolves to ${resolved.pathname}, outside the site (${base})`;
  const rel = path.slice(base.length);
  const candidates = rel === '' || rel.endsWith('/') ? [join(dist, rel, 'index.html')] : [join(dist, rel), join(dist, rel, 'index.html')];
  const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
  if (!file) return `resolves to ${resolved.pathname}, a page the build did not produce`;
  const fragment = resolved.hash.slice(1);
  if (fragment === '') return undefined;
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    id = fragment;
  }
  if (!file.endsWith('.html')) return `resolves to ${resolved.pathname}, which is not a page: it has no anchor #${id}`;
  if (!idsOf(file, cache).has(id)) return `resolves to ${resolved.pathname}, which has no anchor #${id}`;
  return undefined;
}
