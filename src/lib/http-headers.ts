/**
 * The HTTP headers the site needs from whatever serves it, written once as a
 * `_headers` file (the format Netlify and Cloudflare Pages read) and applied
 * by our own server (`npm start`, tests, bench) from that same file, so there
 * is one source of truth.
 *
 * - `X-Content-Type-Options: nosniff` everywhere: a source text that happens
 *   to be valid JavaScript can never run as a script, whatever links to it.
 * - Each `/sources/<id>.txt` is `text/plain; charset=utf-8`, named one by one
 *   rather than by a partial wildcard, which not every host understands.
 */

/** One rule of a `_headers` file: a path and the headers sent for it. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

export const SITE_WIDE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export const PLAIN_TEXT = 'text/plain; charset=utf-8';

/** The rules for a built site whose original source texts are at `txtPaths` (URL paths). */
export function headerRules(txtPaths: string[]): HeaderRule[] {
  return [
    { path: '/*', headers: SITE_WIDE_HEADERS },
    ...[...txtPaths].sort().map((path) => ({ path, headers: { 'Content-Type': PLAIN_TEXT } })),
  ];
}

/** Serialises rules in the `_headers` format: a path line, then indented `Name: value` lines. */
export function formatHeadersFile(rules: HeaderRule[]): string {
  const header = '# Written by the build (src/integrations/headers.ts); read by Netlify, Cloudflare Pages and `npm start`.\n';
  return header + rules.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n')).join('\n') + '\n';
}
