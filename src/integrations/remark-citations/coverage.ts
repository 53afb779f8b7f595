/**
 * Coverage checks of remark-citations: every prose paragraph cites (an error,
 * `uncited-paragraph`), and a sentence that states a view or a number after
 * its paragraph's last citation is reported (a warning, `uncovered-claim`).
 */
import type { Root } from 'mdast';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { toString } from 'mdast-util-to-string';
import { clipLine as clip } from '../../pipeline/normalise-text.ts';
import { CITING, isComponent } from './policy.ts';
import { isJsx, type AnyNode, type JsxElement, type Problem } from './tree.ts';

/**
 * Every prose paragraph (in list items too) must cite: it holds a <Cite> or
 * <Quote>, or, ending in a colon, introduces a quotation that stands on its
 * own right after it. Paragraphs inside a
 * <Note> (the site's own editorial voice, shown as such) and the quoted words
 * of a block <Quote> are exempt; headings and tables are not paragraphs.
 */
export function checkCoverage(tree: Root, problems: Problem[]): void {
  visitParents(tree, (node: AnyNode, ancestors: AnyNode[]) => {
    if (isJsx(node) && isComponent(node.name)) return SKIP; // quoted words and Notes are exempt
    if (node.type !== 'paragraph') return;
    let cites = false;
    visitParents(node, (inner: AnyNode) => {
      if (isJsx(inner) && CITING.has(inner.name ?? '')) cites = true;
    });
    const parent = ancestors.at(-1) as { children: AnyNode[] } | undefined;
    const next = parent?.children[parent.children.indexOf(node) + 1];
    // An introduction ("Trenin put it this way:") to a quotation standing on its own is covered by it.
    const standsAlone = (n: AnyNode | undefined): boolean =>
      n !== undefined &&
      ((isJsx(n) && n.type === 'mdxJsxFlowElement' && CITING.has(n.name ?? '')) ||
        (n.type === 'paragraph' && n.children.filter((c) => !(c.type === 'text' && c.value.trim() === '')).every((c) => isJsx(c as AnyNode) && CITING.has((c as JsxElement).name ?? ''))));
    if (!cites && /:\s*$/.test(toString(node)) && standsAlone(next)) cites = true;
    if (cites) return SKIP;
    const text = toString(node).trim();
    if (text === '') return SKIP;
    problems.push({
      node,
      label: `"${clip(text, 40)}"`,
      rule: 'uncited-paragraph',
      message: 'this paragraph cites no source: add a <Cite> or <Quote> for its claims, or, if it is the site’s own editorial note, put it in <Note date="YYYY-MM-DD">',
    });
    return SKIP;
  });
}

/** Words that state someone's view, and numbers: a sentence with one after its paragraph's last citation is reported. */
const VIEW_OR_NUMBER = /\b(says?|said|argues?|argued|writes?|wrote|believes?|believed|claims?|claimed|thinks?|thought|insists?|insisted|told|according to|warns?|warned)\b|\d/i;

/**
 * Warnings (the build goes on): a sentence that states a view or a number
 * after the last citation of its paragraph, so no citation covers it. A simple
 * rule: sentences end at . ! ? followed by a space.
 */
export function uncoveredClaims(tree: Root): { node: AnyNode; sentence: string }[] {
  const out: { node: AnyNode; sentence: string }[] = [];
  visitParents(tree, (node: AnyNode) => {
    if (isJsx(node) && node.name === 'Note') return SKIP;
    if (node.type !== 'paragraph') return;
    const children = node.children as AnyNode[];
    const last = children.findLastIndex((c) => isJsx(c) && CITING.has(c.name ?? ''));
    if (last === -1) return SKIP;
    const tail = children.slice(last + 1).map((c) => (isJsx(c) ? '' : toString(c))).join('');
    for (const sentence of tail.split(/(?<=[.!?])\s+/)) {
      if (/[\p{L}]/u.test(sentence) && VIEW_OR_NUMBER.test(sentence)) out.push({ node, sentence: sentence.trim() });
    }
    return SKIP;
  });
  return out;
}
