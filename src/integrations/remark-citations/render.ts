/**
 * Rendering of remark-citations, once a file passed every check: each
 * <Cite> becomes its marker link and each <Quote> its quotation and marker
 * (plain HTML, no runtime component), <Note> a labelled editorial note, and
 * links are marked external or collected for the site's link check.
 */
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { formatDate } from '../../lib/format.ts';
import { recordSiteLinks, underBase, type SiteLink } from '../../checks/site-links.ts';
import type { PageCitation } from '../../lib/citation-model.ts';
import { asBrowserReads, isExternal } from './policy.ts';
import { isJsx, type AnyNode, type JsxElement } from './tree.ts';

/**
 * Links, once the file passed its checks: an external one (http:, https:, or protocol-relative, written out
 * as https:) gets rel="noopener noreferrer" and a mark that it leaves the site; a link to this site (a path
 * or #fragment, backslashes read as slashes, as browsers do) is written as the browser would read it and
 * collected, with its file, line and column, for the check at the end of the build that it names a page and
 * an anchor the build produced (src/integrations/thesis-links.ts). A path from the site's root (`/sources/x/`)
 * is written under `base` (`/explainer/sources/x/`), so a thesis links the same pages wherever the site is
 * deployed; relative paths and fragments need nothing.
 */
export function renderLinks(tree: Root, name: string, page: string | undefined, base: string): void {
  const links: SiteLink[] = [];
  const definitions = new Map<string, string>();
  visitParents(tree, (node: AnyNode) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  });
  visitParents(tree, (node: AnyNode) => {
    if (node.type !== 'link' && node.type !== 'linkReference' && node.type !== 'definition') return;
    const raw = node.type === 'linkReference' ? definitions.get(node.identifier) : node.url;
    if (raw === undefined) return;
    const at = node.position?.start;
    if (isExternal(raw)) {
      if (node.type === 'definition') node.url = asBrowserReads(raw).replace(/^\/\//, 'https://');
      if (node.type === 'link') node.url = asBrowserReads(raw).replace(/^\/\//, 'https://');
      if (node.type !== 'definition') {
        node.data = { ...node.data, hProperties: { ...(node.data as { hProperties?: object } | undefined)?.hProperties, rel: 'noopener noreferrer', className: ['external'] } };
        node.children.push({
          type: 'externalMark',
          // The arrow is seen, not read ("north east arrow"); screen readers read the words instead (CSS: .external-mark).
          data: {
            hName: 'span',
            hProperties: { className: ['external-mark'] },
            hChildren: [
              { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '\u00a0↗' }] },
              { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: ' (another site)' }] },
            ],
          },
        } as unknown as PhrasingContent);
      }
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw.trim())) return; // mailto: (other schemes failed the policy)
    const url = underBase(asBrowserReads(raw), base);
    if (node.type !== 'linkReference') node.url = url;
    if (node.type !== 'definition') links.push({ file: name, line: at?.line ?? 0, column: at?.column ?? 0, url: raw, page });
  });
  recordSiteLinks(name, links);
}

/** Renders <Note date> as a visibly labelled editorial note (a div with role="note"). */
export function renderNotes(tree: Root): void {
  visitParents(tree, (node: AnyNode, ancestors: AnyNode[]) => {
    if (!isJsx(node) || node.name !== 'Note') return;
    const date = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'date')?.value as string;
    const label = {
      type: 'paragraph',
      data: { hProperties: { className: ['note-label'] } },
      children: [{ type: 'strong', children: [{ type: 'text', value: 'Editorial note' }] }, { type: 'text', value: ` by this site, ${formatDate(date)}:` }],
    };
    const note = {
      type: 'editorialNote',
      data: { hName: 'div', hProperties: { className: ['editorial-note'], role: 'note' } },
      children: [label, ...node.children],
    };
    const parent = ancestors.at(-1) as { children: AnyNode[] };
    parent.children.splice(parent.children.indexOf(node), 1, note as unknown as AnyNode);
    return SKIP;
  });
}

/** "Trenin ¶12"; with `by`, the speaker too: "Galeotti in Kottasová (CNN) ¶18". */
export const markerLabel = (c: { label: string; n: number; by?: string | undefined; derivation?: string | undefined }): string =>
  `${c.by ? `${c.by} in ` : ''}${c.label} ¶${c.n}${c.derivation ? ` (${c.derivation})` : ''}`;

/** The marker link after a claim: "Trenin ¶12". */
function marker(c: PageCitation): PhrasingContent {
  return {
    type: 'citation',
    data: {
      hName: 'a',
      hProperties: {
        href: c.href,
        id: c.id,
        className: c.derivation ? ['cite', 'cite-derivative'] : ['cite'],
        ...(c.derivation ? { dataDerivative: c.derivativeReason ?? 'added' } : {}),
      },
      hChildren: [{ type: 'text', value: markerLabel(c) }],
    },
  } as unknown as PhrasingContent;
}

function quoteNode(c: PageCitation, block: boolean): RootContent {
  const text = { type: 'text', value: c.exact };
  const children = block
    ? [{ type: 'element', tagName: 'p', properties: {}, children: [text] }]
    : [text];
  return {
    type: 'citedQuote',
    data: { hName: block ? 'blockquote' : 'q', hProperties: { cite: c.href }, hChildren: children },
  } as unknown as RootContent;
}

/**
 * Puts each resolved citation in place of its element: a <Cite> becomes its
 * marker; a block <Quote> a blockquote and a paragraph with the marker; an
 * inline <Quote> a q, a no-break space and the marker.
 */
export function renderCitations(tree: Root, resolved: readonly { node: JsxElement; cite: PageCitation }[]): void {
  for (const { node: el, cite } of resolved) {
    const replacement =
      cite.kind === 'cite'
        ? [marker(cite)]
        : el.type === 'mdxJsxFlowElement'
          ? [quoteNode(cite, true), { type: 'paragraph', children: [marker(cite)] } as RootContent]
          : [quoteNode(cite, false), { type: 'text', value: '\u00a0' } as PhrasingContent, marker(cite)];
    const parent = findParent(tree, el);
    parent.children.splice(parent.children.indexOf(el as never), 1, ...(replacement as never[]));
  }
}

/** The node whose children include `child`. */
function findParent(tree: Root, child: JsxElement): { children: RootContent[] } {
  let found: { children: RootContent[] } | undefined;
  visitParents(tree, (node: AnyNode, ancestors: AnyNode[]) => {
    if (node !== child) return;
    found = ancestors.at(-1) as { children: RootContent[] };
    return false;
  });
  if (!found) throw new Error('remark-citations: a citation element lost its parent');
  return found;
}
