/**
 * Astro integration: after the build, index dist/ with Pagefind's Node API
 * and write the bundle to dist/pagefind/. What is indexed is decided in the
 * markup (data-pagefind-body on reading pages, data-pagefind-ignore on
 * furniture, comments, apparatus and chrome), and here: citation markers
 * ("Trenin ¶17") and thesis paragraphs' ¶N permalinks are apparatus too,
 * left out of the index and so of every
 * result's excerpt (an option, so the pages carry no attribute for it).
 * Any Pagefind error fails the build.
 * Then the bundle is re-cut for smaller first searches (src/build/pagefind-bundle.ts).
 * The re-cut reads Pagefind's undocumented formats, of one version: a bundle it
 * does not know (another Pagefind version) is served as Pagefind wrote it, with
 * one warning, never a failed build.
 *
 * Pagefind splits words at spaces and most punctuation but not at a dash, so "Kaliningrad—the" would be
 * one word that neither "Kaliningrad" nor "the" finds. The copy of each page given to Pagefind has thin
 * spaces around a dash set close (`spaceDashes`); the pages themselves are not changed, and an excerpt
 * shows the dash with thin spaces, as many publications set it.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { BundleFormatError, bundleTexts, optimiseBundle, PAGEFIND_FORMAT_VERSION, type BundleReport } from '../build/pagefind-bundle.ts';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { vocabularyOf } from '../models/search-vocabulary.ts';
import { VOCABULARY_FILE } from '../lib/urls.ts';
import { PAGEFIND_LANGUAGE } from '../lib/urls.ts';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const fail = (what: string, errors: string[]) => {
          throw new Error(`Pagefind ${what} failed:\n  ${errors.join('\n  ')}`);
        };
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: PAGEFIND_LANGUAGE, excludeSelectors: ['a.cite', '.plink'] });
          if (!index || errors.length) return fail('createIndex', errors);
          const added = await addSite(index, site);
          if (added.errors.length) return fail('indexing', added.errors);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) return fail('writeFiles', written.errors);
          logger.info(`indexed ${added.page_count} pages into ${written.outputPath}`);
          // The words of every indexed text, for "Did you mean …?" (src/models/search-vocabulary.ts).
          let texts: string[] = [];
          let reports: BundleReport[] = [];
          try {
            reports = optimiseBundle(written.outputPath, { onText: (t) => texts.push(t) });
          } catch (err) {
            if (!(err instanceof BundleFormatError)) throw err;
            texts = [];
            const { skipped } = bundleTexts(written.outputPath, (t) => texts.push(t));
            logger.warn(
              `the index re-cut knows Pagefind ${PAGEFIND_FORMAT_VERSION}'s formats only, so dist/pagefind is Pagefind's own bundle (first searches fetch more): ${err.message}` +
                (skipped ? ` (${skipped} fragments unread: "Did you mean …?" knows fewer words)` : ''),
            );
          }
          const vocabulary = vocabularyOf(texts);
          writeFileSync(join(written.outputPath, VOCABULARY_FILE), JSON.stringify(vocabulary));
          logger.info(`${VOCABULARY_FILE}: ${vocabulary.length} words for "Did you mean …?"`);
          for (const r of reports)
            logger.info(
              `${r.language}: ${r.words} words, ${r.positions} positions: ${r.chunksBefore} index chunks re-cut into ${r.chunksAfter} of about ${r.target} positions; ${r.fragments} fragments ${(r.fragmentBytesBefore / 1024).toFixed(0)} → ${(r.fragmentBytesAfter / 1024).toFixed(0)} kB`,
            );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/** Adds every page of the built site in `site` to a Pagefind index, as the build indexes it (dashes spaced). */
export async function addSite(index: pagefind.PagefindIndex, site: string): Promise<{ page_count: number; errors: string[] }> {
  const added = { page_count: 0, errors: [] as string[] };
  for (const sourcePath of htmlFiles(site)) {
    const r = await index.addHTMLFile({ sourcePath, content: spaceDashes(readFileSync(join(site, sourcePath), 'utf8')) });
    if (r.errors.length) added.errors.push(...r.errors);
    else added.page_count++;
  }
  return added;
}

/** Every HTML file under `root`, as paths relative to it ("sources/x/index.html"), in a stable order. */
function htmlFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

/** Thin spaces around an em or en dash set between two words, in text outside tags only. */
export function spaceDashes(html: string): string {
  return html.replace(/(>[^<]*)/gu, (text) => text.replace(/(?<=[\p{L}\p{N}])([\u2014\u2013])(?=[\p{L}\p{N}])/gu, '\u2009$1\u2009'));
}
