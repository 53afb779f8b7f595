/**
 * `npm run coverage`: per source, its article paragraphs, which thesis cites
 * each, the share cited and the uncited ones with their first words. Runs the
 * same remark plugin the build runs on content/theses/*.mdx, against seeds/.
 * Exits non-zero when a thesis does not pass the citation check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import remarkCitations from '../integrations/remark-citations.ts';
import type { PageCitation } from '../lib/citation-model.ts';
import { sourcesFor } from '../build/source-index.ts';
import { coverage, formatCoverage, type CoverageCitation } from '../models/coverage.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seedsDir = join(root, 'seeds');
const thesesDir = join(root, 'content', 'theses');

const citations: CoverageCitation[] = [];
for (const name of readdirSync(thesesDir).filter((f) => f.endsWith('.mdx')).sort()) {
  const file = new VFile({ path: join(thesesDir, name), value: readFileSync(join(thesesDir, name), 'utf8') });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkCitations, { seedsDir, root, peopleFile: join(root, 'content', 'people.yaml') });
  await processor.run(processor.parse(file), file);
  const found = ((file.data as { astro?: { frontmatter?: { citations?: PageCitation[] } } }).astro?.frontmatter?.citations ?? []);
  for (const c of found) citations.push({ thesis: basename(name, '.mdx'), source: c.source, anchor: c.anchor });
}
const sources = sourcesFor(seedsDir).map((s) => ({ id: s.entry.id, title: s.entry.title, derivative: s.entry.derivedFrom !== undefined, paragraphs: s.paragraphs }));
console.log(formatCoverage(coverage(sources, citations)));
