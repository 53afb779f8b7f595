/**
 * The fingerprint of a thesis's reader-visible text: its title, its question
 * and the words of its body (headings, prose, quotations, positions and
 * notes; citation markers left out, so a source's renumbering changes
 * nothing), whitespace collapsed, Unicode NFC; twelve hex digits of SHA-256.
 * It is computed from the MDX tree, so markup (emphasis, links, line breaks
 * within a paragraph) does not count: a markup-only change keeps it.
 *
 * A thesis's `changes` list records this fingerprint with each dated entry;
 * the build compares the text's fingerprint with the newest entry's
 * (src/integrations/thesis-version.ts), so a change a reader can see always
 * has an entry.
 */
import { hash } from 'node:crypto';
import type { Root, RootContent } from 'mdast';

type AnyNode = Root | RootContent;

export const FINGERPRINT = /^[0-9a-f]{12}$/;

/** Block-level text of an MDX tree as a reader sees it: <Cite> markers and {expressions} left out. */
export function readerText(tree: Root): string {
  const blocks: string[] = [];
  let line = '';
  const walk = (n: AnyNode): void => {
    const t = n.type as string;
    if ((t === 'mdxJsxTextElement' || t === 'mdxJsxFlowElement') && (n as { name?: string | null }).name === 'Cite') return;
    if (t === 'mdxjsEsm' || t === 'mdxFlowExpression' || t === 'mdxTextExpression' || t === 'html') return;
    if (t === 'text' || t === 'inlineCode') {
      line += (n as { value: string }).value;
      return;
    }
    if (t === 'break') line += ' ';
    const block = t === 'paragraph' || t === 'heading' || t === 'tableCell' || t === 'mdxJsxFlowElement';
    if ('children' in n) for (const c of n.children as AnyNode[]) walk(c);
    if (block && line.trim()) {
      blocks.push(line);
      line = '';
    }
  };
  walk(tree);
  if (line.trim()) blocks.push(line);
  return blocks.join('\n');
}

/**
 * Whitespace collapsed, Unicode NFC, and typography folded (curly and straight quotes, dashes and "--",
 * "…" and "..."), so that a typographic pass over the text (SmartyPants) changes nothing.
 */
const normalise = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[“”„«»″]/g, '"')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[–—]|-{2,3}/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();

export function thesisFingerprint(meta: { title?: unknown; question?: unknown }, tree: Root): string {
  const text = [String(meta.title ?? ''), String(meta.question ?? ''), readerText(tree)].map(normalise).join('\n');
  return hash('sha256', text, 'hex').slice(0, 12);
}

/** Reading time in whole minutes (at least 1) at 230 words a minute. */
export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / 230));
