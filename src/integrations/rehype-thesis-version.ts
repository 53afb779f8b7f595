/**
 * Rehype plugin for thesis pages: the version check and reading time.
 *
 * A thesis's frontmatter lists its `changes` (oldest first), each
 * `{ date, note, fingerprint }`. Here the page's reader-visible text is
 * fingerprinted (src/pipeline/thesis-fingerprint.ts) and compared with the
 * newest entry's: when they differ, the build fails at that entry's line with
 * rule id `thesis-changed`, printing the new fingerprint, so that every change
 * readers can see gets a dated note in "What changed".
 *
 * It also records the page's word count (frontmatter `words`) for the reading
 * time shown under the title.
 */
import { basename, relative, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { countWords, fingerprint } from '../pipeline/thesis-fingerprint.ts';

type AnyNode = Root | RootContent;
const classes = (el: Element): string[] => {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
/** Citation markers and ¶ permalinks are apparatus, not text; tombstones are the ledger's. */
const isApparatus = (n: AnyNode): boolean =>
  n.type === 'element' && ((n.tagName === 'a' && (classes(n).includes('cite') || classes(n).includes('plink'))) || classes(n).includes('tombstone') || classes(n).includes('anchor-alias'));

export function visibleText(tree: Root): string {
  let text = '';
  const walk = (n: AnyNode): void => {
    if (isApparatus(n)) return;
    if (n.type === 'text') text += n.value;
    else if ('children' in n) {
      for (const c of n.children as AnyNode[]) walk(c);
      if (n.type === 'element' && /^(p|li|h[1-6]|td|th|blockquote|div|tr|caption)$/.test(n.tagName)) text += '\n';
    }
  };
  walk(tree);
  return text;
}

export class ThesisVersionError extends Error {
  line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'ThesisVersionError';
    this.line = line;
  }
}

interface Change {
  /** YYYY-MM-DD, or the Date YAML makes of an unquoted one. */
  date: string | Date;
  note: string;
  fingerprint?: string;
}

export interface ThesisVersionOptions {
  thesesDir: string;
  /** Project root, for relative file names in messages. */
  root?: string;
}

export default function rehypeThesisVersion(options: ThesisVersionOptions) {
  const thesesDir = resolve(options.thesesDir);
  return (tree: Root, file: VFile): void => {
    const path = file.path ? resolve(file.path) : '';
    if (!path.endsWith('.mdx') || relative(thesesDir, path).startsWith('..')) return;
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    const fm = data.astro?.frontmatter ?? {};
    const body = visibleText(tree);
    const words = countWords(body);
    const print = fingerprint([String(fm.title ?? ''), String(fm.question ?? ''), body]);
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.words = words;
    data.astro.frontmatter.fingerprint = print;
    const changes = Array.isArray(fm.changes) ? (fm.changes as Change[]) : [];
    const newest = changes.at(-1);
    if (newest?.fingerprint === print) return;
    const day = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
    const name = relative(options.root ?? process.cwd(), path);
    const source = readFileSync(path, 'utf8').split('\n');
    const at = source.findLastIndex((l) => /^\s*(-\s*)?(\{\s*)?date:|^\s*-\s*\{.*date:/.test(l));
    const line = at === -1 ? 1 : at + 1;
    const slug = basename(path, '.mdx');
    throw new ThesisVersionError(
      `Thesis text changed: ${name}:${line}  thesis-changed: the text readers see on /theses/${slug}/ now has fingerprint ${print}, ` +
        `but the newest entry of \`changes\` ${newest ? `(${day(newest.date)}) records ${newest.fingerprint ?? 'none'}` : 'is missing'}. ` +
        `Hint: add an entry at the end of \`changes\` in the frontmatter: { date: YYYY-MM-DD, note: "what changed, for readers", fingerprint: "${print}" } ` +
        '(a markup-only change keeps the fingerprint and needs no entry).',
      line,
    );
  };
}
