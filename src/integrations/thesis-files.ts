/**
 * Checks of the thesis folder as a whole, before anything is built: every
 * file in it is a thesis (`content/theses/*.mdx`, nothing else, no
 * subfolders), slugs and `order` values are unique, and every `related`
 * entry names a thesis. The glob loader would otherwise skip a `.md` file or
 * a subfolder silently, build only one of two files with the same slug and
 * drop an unknown related slug from the page.
 *
 * `checkThesisFiles` is pure (tested in tests/integrations/); `readThesisFiles`
 * reads the folder; the `thesisFiles` integration runs both when Astro starts,
 * failing `astro build` with every problem listed and logging them in dev.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { parse as parseYaml } from 'yaml';
import type { AstroIntegration } from 'astro';
import { closestName } from '../pipeline/normalise-text.ts';

/** One file found under the theses folder. */
export interface ThesisFile {
  /** Path relative to the theses folder, with `/` separators. */
  path: string;
  /** Parsed YAML frontmatter, when the file has readable frontmatter. */
  frontmatter?: Record<string, unknown> | undefined;
}

/** Every rule id this check can report (docs/theses.md documents each). */
export const THESIS_FILE_RULES = ['not-a-thesis', 'duplicate-slug', 'duplicate-order', 'bad-related'] as const;
export type ThesisFileRule = (typeof THESIS_FILE_RULES)[number];

export interface ThesisFileProblem {
  /** Path relative to the theses folder. */
  file: string;
  rule: ThesisFileRule;
  message: string;
}

/** Files that may sit in the folder without being theses. */
const IGNORED = new Set(['.gitkeep']);

/** The slug Astro's glob loader gives a file: frontmatter `slug`, else the slugged file name. */
export function thesisSlug(file: ThesisFile): string {
  const own = file.frontmatter?.slug;
  if (typeof own === 'string' && own !== '') return own;
  return githubSlug(file.path.replace(/\.[^./]+$/, ''));
}

function notAThesis(path: string): string | undefined {
  if (path.includes('/')) return 'theses must sit directly in the theses folder: files in subfolders are not built';
  if (/\.md$/i.test(path)) return 'a Markdown (.md) file is not built: theses are .mdx files (rename it to .mdx)';
  if (/\.mdx$/i.test(path) && !path.endsWith('.mdx')) return 'the extension must be lower-case .mdx';
  if (!path.endsWith('.mdx')) return 'only thesis files (.mdx) belong in the theses folder';
  return undefined;
}

/**
 * Every problem of the thesis folder, in file order. `files` is everything in
 * the folder (see ThesisFile); a file whose frontmatter could not be read is
 * checked by its name only (the collection schema reports the frontmatter).
 */
export function checkThesisFiles(files: readonly ThesisFile[]): ThesisFileProblem[] {
  const problems: ThesisFileProblem[] = [];
  const sorted = [...files].filter((f) => !IGNORED.has(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const theses: ThesisFile[] = [];
  for (const file of sorted) {
    const why = notAThesis(file.path);
    if (why) problems.push({ file: file.path, rule: 'not-a-thesis', message: why });
    else theses.push(file);
  }

  const bySlug = new Map<string, ThesisFile[]>();
  for (const file of theses) bySlug.set(thesisSlug(file), [...(bySlug.get(thesisSlug(file)) ?? []), file]);
  for (const [slug, same] of bySlug) {
    if (same.length < 2) continue;
    for (const file of same.slice(1)) {
      problems.push({ file: file.path, rule: 'duplicate-slug', message: `has the slug "${slug}", as ${same[0]!.path} does: each thesis needs its own (rename the file)` });
    }
  }

  const byOrder = new Map<unknown, ThesisFile>();
  for (const file of theses) {
    const order = file.frontmatter?.order;
    if (typeof order !== 'number') continue;
    const first = byOrder.get(order);
    if (first) problems.push({ file: file.path, rule: 'duplicate-order', message: `order: ${order} is also the order of ${first.path}` });
    else byOrder.set(order, file);
  }

  const slugs = [...bySlug.keys()];
  for (const file of theses) {
    const related = file.frontmatter?.related;
    if (!Array.isArray(related)) continue;
    for (const value of related) {
      if (typeof value !== 'string') continue; // the schema reports it
      if (value === thesisSlug(file)) {
        problems.push({ file: file.path, rule: 'bad-related', message: `related: "${value}" is this thesis itself` });
      } else if (!bySlug.has(value)) {
        const near = closestName(value, slugs);
        problems.push({ file: file.path, rule: 'bad-related', message: `related: "${value}" names no thesis${near ? `; did you mean "${near}"?` : ''} (theses: ${slugs.join(', ')})` });
      }
    }
  }
  const at = new Map(sorted.map((f, i) => [f.path, i]));
  return problems.sort((a, b) => at.get(a.file)! - at.get(b.file)!);
}

/** Frontmatter of an MDX/Markdown text, or undefined when it has none or it is not a YAML mapping. */
export function readFrontmatter(text: string): Record<string, unknown> | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  try {
    const data: unknown = parseYaml(match[1]!);
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Everything under `dir` (recursively), with the frontmatter of each file that looks like a thesis; none when `dir` is absent. */
export function readThesisFiles(dir: string): ThesisFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      const path = relative(dir, full).split(sep).join('/');
      return { path, frontmatter: /\.mdx?$/i.test(path) ? readFrontmatter(readFileSync(full, 'utf8')) : undefined };
    });
}

/** The message the build fails with: one line per problem, `folder/file  rule: message`. */
export function formatThesisFileProblems(folder: string, problems: readonly ThesisFileProblem[]): string {
  const lines = problems.map((p) => `  ${folder}/${p.file}  ${p.rule}: ${p.message}`);
  return `Thesis files check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${folder}/\n${lines.join('\n')}`;
}

export class ThesisFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThesisFilesError';
  }
}

/**
 * Astro integration: checks the thesis folder when Astro starts. `astro build`
 * fails with every problem listed; the dev server logs them (and checks again
 * whenever a file in the folder is added, removed or changed).
 */
export default function thesisFiles(options: { dir: string; root: string }): AstroIntegration {
  const folder = relative(options.root, options.dir).split(sep).join('/') || '.';
  const problemsNow = () => checkThesisFiles(readThesisFiles(options.dir));
  return {
    name: 'thesis-files',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const problems = problemsNow();
        if (problems.length === 0) return;
        const message = formatThesisFileProblems(folder, problems);
        if (command === 'build') throw new ThesisFilesError(message);
        logger.error(message);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(options.dir);
        server.watcher.on('all', (event, path) => {
          if (event === 'addDir' || relative(options.dir, path).startsWith('..')) return;
          const problems = problemsNow();
          if (problems.length) logger.error(formatThesisFileProblems(folder, problems));
        });
      },
    },
  };
}
