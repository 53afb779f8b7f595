// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { fileURLToPath } from 'node:url';
import remarkCitations from './src/integrations/remark-citations.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const seedsDir = fileURLToPath(new URL('./seeds', import.meta.url));

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro 7's default processor runs no remark plugins; MDX inherits this one.
  markdown: {
    processor: unified({ remarkPlugins: [remarkGfm, [remarkCitations, { seedsDir, root }]] }),
  },
  integrations: [mdx()],
});
