// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync } from 'node:fs';
import remarkCitations from './src/integrations/remark-citations.ts';
import pagefind from './src/integrations/pagefind.ts';
import headers from './src/integrations/headers.ts';
import cspTrim from './src/integrations/csp-trim.ts';
import seedsWatch from './src/integrations/seeds-watch.ts';
import { SITE_WIDE_HEADERS } from './src/build/http-headers.ts';
import thesisFiles from './src/integrations/thesis-files.ts';
import rehypeThesisAnchors from './src/integrations/rehype-thesis-anchors.ts';
import rehypeThesisDates from './src/integrations/rehype-thesis-dates.ts';
import anchorLedger from './src/integrations/anchor-ledger.ts';
import timelineCheck from './src/integrations/timeline-check.ts';
import thesisLinks from './src/integrations/thesis-links.ts';
import sitemap from '@astrojs/sitemap';
import siteAddress from './src/integrations/site-address.ts';
import citeprocEarly from './src/integrations/citeproc-early.ts';
import { normaliseBase, normaliseSite } from './src/lib/urls.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const seedsDir = fileURLToPath(new URL('./seeds', import.meta.url));
const thesesDir = fileURLToPath(new URL('./content/theses', import.meta.url));
// The home page's overall answer (content/home/answer.mdx), cited and checked as the theses are.
const answerDir = fileURLToPath(new URL('./content/home', import.meta.url));
// Every anchor the site has published (a lockfile: commit it; frozen under CI=true).
const ledgerFile = fileURLToPath(new URL('./content/anchors.lock.json', import.meta.url));
// How many source texts there are (one .txt file each), to choose the content layer's storage below.
const CHUNKED_ABOVE = 5000;
const sourceFiles = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).length : 0;

// Deploy anywhere: SITE_URL is the origin the site is served from (canonical links,
// citations, sitemap); BASE_PATH the sub-path it lives under (a GitHub Pages project
// site: BASE_PATH=/<repo>/). Without SITE_URL no absolute address is written (see
// src/integrations/site-address.ts); BASE_PATH defaults to the root.
const site = normaliseSite(process.env.SITE_URL);
const base = normaliseBase(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro 7's default processor runs no remark plugins; MDX inherits this one.
  markdown: {
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [remarkGfm, [remarkCitations, { seedsDir, root, thesesDir, answerDir, base, peopleFile: fileURLToPath(new URL('./content/people.yaml', import.meta.url)) }]],
      rehypePlugins: [[rehypeThesisAnchors, { thesesDir }], [rehypeThesisDates, { thesesDir }]],
    }),
  },
  // thesisFiles first: a stray, duplicate or mis-related thesis fails the build before anything renders;
  // timelineCheck too: a curated event whose words or date are wrong (content/timeline.yaml).
  // anchorLedger before pagefind: its check ends the build before anything is indexed.
  integrations: [citeprocEarly(), siteAddress(), thesisFiles({ dir: thesesDir, root }), timelineCheck({ root }), anchorLedger({ file: ledgerFile }), thesisLinks(), mdx(), ...(site ? [sitemap()] : []), cspTrim(), pagefind(), headers(), seedsWatch({ seedsDir, thesesDir })],
  // Where the content layer keeps every source's paragraphs. One file (the default) is fastest up to a few
  // thousand sources, but the build imports it as one JavaScript string literal, which V8 compiles in time that
  // grows with the square of its size (60 MB: 7 s; 10,000 sources, 250 MB: 179 s and 2 GB more memory).
  // Chunks of 4 MB compile in linear time, but Astro writes them at ~1 µs a character (10,000 sources: ~7 min).
  // So: one file for a corpus up to CHUNKED_ABOVE sources, chunks above (the 10,000-source build was run so).
  experimental: sourceFiles > CHUNKED_ABOVE ? { collectionStorage: { type: 'chunked', chunkSize: 4 * 1024 * 1024 } } : {},
  // Astro marks each MDX page's propagated-assets module with a "use astro:head-inject" directive, which the
  // bundler warns it may not keep (a five-line warning per thesis, on every build). Astro reads the directive
  // before bundling, so the warning says nothing an editor can act on: it is left out; every other warning stays.
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // `npm run dev` sends the same site-wide headers as dist/_headers (npm start applies that file).
  server: { headers: SITE_WIDE_HEADERS },
  // A policy per page (as <meta>): Astro hashes its own inline scripts and
  // styles; Pagefind's WebAssembly needs 'wasm-unsafe-eval'. Nothing may load
  // from another origin.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
