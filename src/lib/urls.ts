/**
 * Every URL and link label the site builds, in one place, honouring the base
 * path the site is deployed under (`BASE_PATH=/explainer/` → `/explainer/sources/…`).
 *
 * The base comes from Vite's `import.meta.env.BASE_URL` wherever Vite runs
 * (pages, components, the remark plugin during `astro build`, client scripts),
 * else from the `BASE_PATH` environment variable (plain Node: tests, CLI), so
 * the same call gives the same URL everywhere. `makeUrls(base)` builds the
 * functions for any base (tests); `urls` is the site's own.
 *
 * Path segments and fragments are percent-encoded; ids and anchors are slugs,
 * so in practice nothing changes.
 */

/** URL path characters that need no encoding and mean the same to every browser and server (RFC 3986 "unreserved"). */
const UNRESERVED_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * `undefined`, `''`, `/`, `explainer`, `/explainer`, `/explainer/` → `/` or `/explainer/`.
 * Each segment is of unreserved URL characters only (letters, digits, `-._~`), and not `.` or `..`: no `%`
 * (browsers read `/%2e%2e/x` as `/x`, leaving the base), no space, no non-ASCII letter (its links would be
 * percent-encoded, which the site's server, src/server/serve-dist.ts, does not map back). A bad value throws
 * naming BASE_PATH, when the config loads.
 */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const bad = trimmed.split('/').find((seg) => seg === '' || seg === '.' || seg === '..' || !UNRESERVED_SEGMENT.test(seg));
  if (bad !== undefined) {
    const why = bad === '' ? 'an empty segment (//)' : bad === '.' || bad === '..' ? `the segment "${bad}"` : `the segment "${bad}" has characters other than letters, digits and -._~ (no %, spaces, non-ASCII)`;
    throw new Error(`BASE_PATH "${raw}" is not a path such as /explainer/: ${why}`);
  }
  return `/${trimmed}/`;
}

/**
 * The site URL (origin, no path) from `SITE_URL`, or undefined when it is not set: then every link is
 * root-relative and what needs an absolute address (canonical links, Open Graph URLs, the sitemap, the URLs
 * of citation downloads) is left out. The build never invents an address (no local server's).
 * It must be an absolute http:/https: URL without user name or password; a bad value throws naming SITE_URL.
 */
export function normaliseSite(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not an absolute URL such as https://example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`SITE_URL "${raw}" must be http:// or https://`);
  if (url.username || url.password) throw new Error(`SITE_URL must not carry a user name or password (it would be published in every page)`);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error(`SITE_URL "${raw}" must be an origin only (put a sub-path in BASE_PATH)`);
  return url.origin;
}

function configuredBase(): string {
  // BASE_PATH where there is a process (the build, tests, CLI); in the browser, what Vite bundled.
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
  if (env?.BASE_PATH !== undefined) return normaliseBase(env.BASE_PATH);
  return normaliseBase(import.meta.env?.BASE_URL);
}

const seg = (s: string): string => encodeURIComponent(s);
const frag = (f: string | undefined): string => (f ? `#${encodeURIComponent(f)}` : '');

export type CiteFormat = 'bib' | 'ris' | 'json';

/**
 * Stands for the origin a page is read at, in citations rendered without SITE_URL: pages show the path
 * after it (the placeholder itself becomes an empty element that the browser fills with location.origin),
 * and citation templates replace it when copied. It never reaches a download or a meta tag.
 */
export const PAGE_ORIGIN = 'https://page-origin.invalid';

/** The one language the site is indexed in (Pagefind's WebAssembly for it is `wasm.<language>.pagefind`). */
export const PAGEFIND_LANGUAGE = 'en';
/** The index's vocabulary (in the Pagefind folder), fetched by the search page when a query finds nothing. */
export const VOCABULARY_FILE = 'vocabulary.json';

export interface Urls {
  base: string;
  /** Any path under the base: `path('favicon.svg')`, `path('pagefind/pagefind.js')`. */
  path(rel?: string): string;
  home(fragment?: string): string;
  sources(): string;
  source(id: string): string;
  paragraph(source: string, anchor: string): string;
  /** The original text file, `/sources/<id>.txt`. */
  sourceText(id: string): string;
  compare(derivative: string, rowId?: string): string;
  thesis(slug: string, fragment?: string): string;
  people(): string;
  person(slug: string, fragment?: string): string;
  about(): string;
  /** The timeline, or one of its entries (`timeline('e-2014-crimea-3f9a')`). */
  timeline(entry?: string): string;
  search(query?: string): string;
  /** A file of the Pagefind bundle: `pagefind('pagefind.js')`; `pagefind('wasm')` is the WebAssembly for the site's language. */
  pagefind(file: string): string;
  /** A public data file: `data('paragraphs.json')`. */
  data(file: string): string;
  /** `/sources/<id>/cite.bib` or `/theses/<slug>/cite.ris`, …. */
  cite(kind: 'source' | 'thesis', id: string, format: CiteFormat): string;
  /** The citation templates of a page's paragraphs (the "Cite or share" control). */
  citeParagraph(kind: 'source' | 'thesis', id: string): string;
  /** The "Cite or share" dialog's script, loaded on first use. */
  citeShareScript(): string;
  /** A share image of a thesis. */
  shareImage(slug: string): string;
  /** A site path made absolute against the site's origin; without an origin, the path itself. */
  absolute(sitePath: string, site: string | undefined): string;
}

export function makeUrls(rawBase: string): Urls {
  const base = normaliseBase(rawBase);
  const path = (rel = ''): string => base + rel.replace(/^\/+/, '');
  return {
    base,
    path,
    home: (fragment) => path() + frag(fragment),
    sources: () => path('sources/'),
    source: (id) => path(`sources/${seg(id)}/`),
    paragraph: (source, anchor) => path(`sources/${seg(source)}/`) + frag(anchor),
    sourceText: (id) => path(`sources/${seg(id)}.txt`),
    compare: (derivative, rowId) => path(`sources/${seg(derivative)}/compare/`) + frag(rowId),
    thesis: (slug, fragment) => path(`theses/${seg(slug)}/`) + frag(fragment),
    people: () => path('people/'),
    person: (slug, fragment) => path(`people/${seg(slug)}/`) + frag(fragment),
    about: () => path('about/'),
    timeline: (entry) => path('timeline/') + frag(entry),
    search: (query) => path('search/') + (query ? `?${new URLSearchParams({ q: query })}` : ''),
    pagefind: (file) => path(`pagefind/${file === 'wasm' ? `wasm.${PAGEFIND_LANGUAGE}.pagefind` : file}`),
    data: (file) => path(`data/${seg(file)}`),
    cite: (kind, id, format) => path(`${kind === 'source' ? 'sources' : 'theses'}/${seg(id)}/cite.${format}`),
    citeParagraph: (kind, id) => path(`${kind === 'source' ? 'sources' : 'theses'}/${seg(id)}/cite-paragraph.json`),
    citeShareScript: () => path('scripts/cite-share-dialog.js'),
    shareImage: (slug) => path(`theses/${seg(slug)}/share.png`),
    absolute: (sitePath, site) => {
      const origin = normaliseSite(site);
      return origin ? new URL(sitePath, origin).href : sitePath;
    },
  };
}

/** The site's URLs, under its configured base. */
export const urls: Urls = makeUrls(configuredBase());

/** What a source is called in a citation marker or a short list: manifest `short`, else author, else title. */
export function sourceLabel(entry: { short?: string | undefined; author?: string | undefined; title: string }): string {
  return entry.short ?? entry.author ?? entry.title;
}

/** "Trenin ¶12"; a subheading (no ¶ number) is "Trenin §". */
export function paragraphLabel(entry: Parameters<typeof sourceLabel>[0], n: number | null | undefined): string {
  return `${sourceLabel(entry)} ${n == null ? '§' : `¶${n}`}`;
}
