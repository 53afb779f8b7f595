// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { fileURLToPath } from 'node:url';
import remarkCitations from './src/integrations/remark-citations.ts';
import pagefind from './src/integrations/pagefind.ts';
import headers from './src/integrations/headers.ts';
import seedsWatch from './src/integrations/seeds-watch.ts';
import { SITE_WIDE_HEADERS } from './src/lib/http-headers.ts';
import thesisFiles from './src/integrations/thesis-files.ts';
import rehypeThesisAnchors from './src/integrations/rehype-thesis-anchors.ts';
import anchorLedger from './src/integrations/anchor-ledger.ts';
import sitemap from '@astrojs/sitemap';
import { normaliseBase, normaliseSite } from './src/lib/urls.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const seedsDir = fileURLToPath(new URL('./seeds', import.meta.url));
const thesesDir = fileURLToPath(new URL('./content/theses', import.meta.url));
// Every anchor the site has published (a lockfile: commit it; frozen under CI=true).
const ledgerFile = fileURLToPath(new URL('./content/anchors.lock.json', import.meta.url));

// Deploy anywhere: SITE_URL is the origin the site is served from (canonical links,
// citations, sitemap); BASE_PATH the sub-path it lives under (a GitHub Pages project
// site: BASE_PATH=/<repo>/). Both default to the local server at its root.
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
      remarkPlugins: [remarkGfm, [remarkCitations, { seedsDir, root, peopleFile: fileURLToPath(new URL('./content/people.yaml', import.meta.url)) }]],
      rehypePlugins: [[rehypeThesisAnchors, { thesesDir }]],
    }),
  },
  // thesisFiles first: a stray, duplicate or mis-related thesis fails the build before anything renders.
  // anchorLedger before pagefind: its check ends the build before anything is indexed.
  integrations: [thesisFiles({ dir: thesesDir, root }), anchorLedger({ file: ledgerFile }), mdx(), sitemap(), pagefind(), headers(), seedsWatch({ seedsDir, thesesDir })],
  // The content layer's data (every source's paragraphs) in chunks of 4 MB rather than one file: the build
  // imports it as JavaScript modules, and V8 compiles one huge string literal in time that grows faster than
  // its size (a 60 MB store took 7 s, 2 MB chunks take ~21 ms a MB); 10,000 sources make ~300 MB.
  experimental: { collectionStorage: { type: 'chunked', chunkSize: 4 * 1024 * 1024 } },
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
