/**
 * Astro writes one Content-Security-Policy for every page of a build: its
 * script-src and style-src list the hash of every script and stylesheet of
 * the whole site (each bundled file, each inline script), about 54 bytes
 * each, ~35 of them incompressible. A page needs only the hashes of its own
 * inline scripts and styles: the bundled files load from the site itself,
 * which 'self' already allows (a hash permits an external file only when
 * the tag carries `integrity`, which Astro's do not). `trimCsp` keeps, in a
 * page's policy, the hashes of the inline `<script>` and `<style>` elements
 * that page has and that Astro listed; nothing else in the policy changes,
 * and no hash is ever added. Pure.
 */
import { createHash } from 'node:crypto';

const digest = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes a page's inline scripts and styles need, as CSP sources. */
export function inlineHashes(html: string): { script: Set<string>; style: Set<string> } {
  const script = new Set<string>();
  const style = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) if (!/\bsrc\s*=/i.test(m[1]!)) script.add(digest(m[2]!));
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) style.add(digest(m[1]!));
  return { script, style };
}

/** The page with its policy's hashes cut to those it uses; unchanged if it has no policy meta, or if a hash it needs is not listed. */
export function trimCsp(html: string): { html: string; removed: number } {
  const meta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i.exec(html);
  if (!meta) return { html, removed: 0 };
  const need = inlineHashes(html);
  let removed = 0;
  let missing = false;
  const directives = meta[2]!.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    const wanted = name === 'script-src' ? need.script : name === 'style-src' ? need.style : undefined;
    if (!wanted) return d;
    for (const h of wanted) if (!values.includes(h)) missing = true;
    const kept = values.filter((v) => !/^'sha(256|384|512)-/.test(v) || wanted.has(v));
    removed += values.length - kept.length;
    return ` ${[name, ...kept].join(' ')}`;
  });
  if (missing) return { html, removed: 0 };
  const policy = directives.join(';').replace(/^ /, '');
  return { html: html.slice(0, meta.index) + meta[1] + policy + meta[3] + html.slice(meta.index + meta[0].length), removed };
}
