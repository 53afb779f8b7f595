/**
 * The HTTP headers the site needs from whatever serves it, written once as a
 * `_headers` file (the format Netlify and Cloudflare Pages read) and applied
 * by our own server (`npm start`, tests, bench) from that same file, so there
 * is one source of truth.
 *
 * - `X-Content-Type-Options: nosniff` everywhere: a source text that happens
 *   to be valid JavaScript can never run as a script, whatever links to it.
 * - Every `/sources/<id>.txt` is `text/plain; charset=utf-8`, and every citation
 *   download (`/sources/<id>/cite.bib`, `.ris`, `.json`, the same under
 *   `/theses/`) has its media type, by one path pattern each (a splat: `*`
 *   matches any characters, `/` included), never one rule per file: the number
 *   of rules is the same for 5 sources as for 10,000. Cloudflare Pages takes
 *   at most 100 rules (HEADER_RULE_LIMIT) and documents a single splat anywhere
 *   in a path (`/*.jpg`); Netlify's parser, which our server uses, reads a
 *   splat inside a segment the same way.
 * - A Content-Security-Policy header with what a `<meta>` policy cannot carry:
 *   `frame-ancestors 'none'` (no site may frame a page: clickjacking), plus
 *   `base-uri`, `object-src` and `form-action`. Script and style policy stays in
 *   each page's `<meta>` policy, which Astro writes with the hashes of its inline
 *   scripts and styles: a browser enforces both policies, so the header must not
 *   restrict what the meta allows (it has no script-src, style-src or default-src).
 *   `X-Frame-Options: DENY` says the same to browsers without CSP 2.
 * - Caching: files whose names carry a hash of their content (Astro's
 *   `_astro/` assets, Pagefind's index chunks, fragments and filters) are
 *   immutable for a year; everything else is left to the host's default,
 *   revalidation (our server sends `no-cache` with an ETag), so that a new
 *   deploy is seen at once while an unchanged file costs a 304.
 * - Paths carry the site's base path (`/explainer/*`): they are URL paths as
 *   requested, and a host serving the site under a sub-path sees those.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One rule of a `_headers` file: a path and the headers sent for it. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** The header policy: only directives the per-page `<meta>` policy cannot carry or need not repeat. */
export const HEADER_CSP = ["frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'", "form-action 'self'"].join('; ');

export const SITE_WIDE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export const PLAIN_TEXT = 'text/plain; charset=utf-8';

/** For files named by a hash of their content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Folders (under the base path) whose every file is named by a hash of its content. */
export const HASHED_FOLDERS = ['_astro', 'pagefind/index', 'pagefind/fragment', 'pagefind/filter'];

/** Media types of the citation downloads (cite.bib, cite.ris, cite.json), by extension. */
export const CITE_TYPES = {
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  json: 'application/vnd.citationstyles.csl+json; charset=utf-8',
} as const;

/** Cloudflare Pages applies at most this many `_headers` rules (its documented limit); the site writes far fewer. */
export const HEADER_RULE_LIMIT = 100;

/**
 * The rules for a built site under `base`: path patterns only, so their number
 * does not depend on how many sources or theses the site has.
 */
export function headerRules(base = '/'): HeaderRule[] {
  return [
    { path: `${base}*`, headers: SITE_WIDE_HEADERS },
    ...HASHED_FOLDERS.map((folder) => ({ path: `${base}${folder}/*`, headers: { 'Cache-Control': IMMUTABLE } })),
    { path: `${base}sources/*.txt`, headers: { 'Content-Type': PLAIN_TEXT } },
    ...(['sources', 'theses'] as const).flatMap((folder) =>
      Object.entries(CITE_TYPES).map(([ext, type]) => ({ path: `${base}${folder}/*/cite.${ext}`, headers: { 'Content-Type': type } })),
    ),
  ];
}

/** Serialises rules in the `_headers` format: a path line, then indented `Name: value` lines. */
export function formatHeadersFile(rules: HeaderRule[]): string {
  const header = '# Written by the build (src/integrations/headers.ts); read by Netlify, Cloudflare Pages and `npm start`.\n';
  return header + rules.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n')).join('\n') + '\n';
}

/** Writes `<site>/_headers` for a site built under `base`; returns the rules written. */
export function writeHeadersFile(site: string, base = '/'): HeaderRule[] {
  const rules = headerRules(base);
  writeFileSync(join(site, '_headers'), formatHeadersFile(rules));
  return rules;
}
