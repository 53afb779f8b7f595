/** Helpers for tests that read the built site. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { DIST } from './paths.ts';

/** The HTML of a built page, by its URL path ("/sources/trenin-2021/"). */
export function page(urlPath: string): CheerioAPI {
  const path = decodeURIComponent(urlPath);
  const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
  return load(readFileSync(file, 'utf8'));
}

/** Every built HTML file of `root` (dist/ by default), as URL paths under `base` ("/sources/trenin-2021/"). */
export function htmlPages(root = DIST, base = '/'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(full);
      } else if (entry.name.endsWith('.html')) {
        const rel = relative(root, full);
        out.push(base + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel));
      }
    }
  };
  walk(root);
  return out.sort();
}
