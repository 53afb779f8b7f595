/**
 * The yardstick of the benchmark's build-time budget: Starlight (Astro's
 * documentation theme, a well-tuned static site) building the same texts —
 * every seed as a page, every thesis as a page (its prose, with the citation
 * components reduced to their words) — with its own Pagefind search.
 *
 * The project lives in node_modules/.cache/starlight-bench/ (outside git):
 * `npm install` runs there once per pair of versions (the npm registry is
 * the only network it needs); each run rewrites the pages from seeds/ and
 * content/theses/. The same Astro version as this project's, so the
 * comparison measures the sites, not two Astro releases.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, SEEDS } from '../support/paths.ts';

/** The Starlight release measured against (its peer range includes this project's Astro 7). */
export const STARLIGHT_VERSION = '0.42.9';

const astroVersion = (): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;

/** A thesis's MDX as plain Markdown: frontmatter reduced to title and description, components to their words. */
export function thesisAsMarkdown(mdx: string): string {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  const data = (fm ? parse(fm[1]!) : {}) as { title?: string; teaser?: string };
  const body = (fm ? mdx.slice(fm[0].length) : mdx)
    .replace(/<Cite\b[^>]*\/>/g, '')
    .replace(/<Quote\b[^>]*>([\s\S]*?)<\/Quote>/g, '“$1”')
    .replace(/<\/?[A-Z][A-Za-z]*\b[^>]*>/g, '')
    .replace(/^\n+/, '');
  return `---\ntitle: ${JSON.stringify(data.title ?? 'Thesis')}\ndescription: ${JSON.stringify(data.teaser ?? '')}\n---\n\n${body}`;
}

/** A source text as a Markdown page: its lines as paragraphs, Markdown and HTML syntax escaped. */
export function sourceAsMarkdown(title: string, text: string): string {
  const escape = (line: string) => line.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`).replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3').replace(/^(\s*)([-+])(\s)/, '$1\\$2$3');
  const paras = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map(escape);
  return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${paras.join('\n\n')}\n`;
}

/** The Starlight project with the current seeds and theses as its pages, dependencies installed; its folder. */
export function starlightProject(): string {
  const dir = join(ROOT, 'node_modules/.cache/starlight-bench', `astro-${astroVersion()}-starlight-${STARLIGHT_VERSION}`);
  mkdirSync(dir, { recursive: true });
  const pkg = { name: 'starlight-bench', private: true, type: 'module', dependencies: { astro: astroVersion(), '@astrojs/starlight': STARLIGHT_VERSION } };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'What does Putin want?', sidebar: [{ label: 'Theses', items: [{ autogenerate: { directory: 'theses' } }] }, { label: 'Sources', items: [{ autogenerate: { directory: 'sources' } }] }] })] });\n`,
  );
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );
  const docs = join(dir, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(join(docs, 'theses'), { recursive: true });
  mkdirSync(join(docs, 'sources'), { recursive: true });
  writeFileSync(join(docs, 'index.md'), '---\ntitle: What does Putin want?\n---\n\nFour theses, each traced to its sources.\n');
  const thesesDir = join(ROOT, 'content/theses');
  for (const f of readdirSync(thesesDir).filter((f) => f.endsWith('.mdx'))) {
    writeFileSync(join(docs, 'theses', f.replace(/\.mdx$/, '.md')), thesisAsMarkdown(readFileSync(join(thesesDir, f), 'utf8')));
  }
  const manifest = parse(readFileSync(join(SEEDS, 'sources.yaml'), 'utf8')) as { id: string; file: string; title: string }[];
  for (const s of manifest) writeFileSync(join(docs, 'sources', `${s.id}.md`), sourceAsMarkdown(s.title, readFileSync(join(SEEDS, s.file), 'utf8')));
  if (!existsSync(join(dir, 'node_modules/@astrojs/starlight/package.json'))) {
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${join(ROOT, 'node_modules/node/bin')}:${process.env.PATH ?? ''}` } });
    if (r.status !== 0) throw new Error(`npm install of Starlight ${STARLIGHT_VERSION} failed in ${dir}:\n${(r.stdout + r.stderr).slice(-2000)}`);
  }
  return dir;
}

/** Every cache a Starlight build keeps between runs. */
export function removeStarlightCaches(dir: string): void {
  for (const d of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'dist']) rmSync(join(dir, d), { recursive: true, force: true });
}
